"""Reads {"endpoint", "region", "params", "pagination", "maxAttempts"} as JSON on stdin, runs boto3's
real EC2 DescribeImages paginator with PaginationConfig and build_full_result, prints
{"images": [...], "nextToken": ...} (or {"error": {...}} with exit code 2) as JSON on stdout."""
import datetime
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def jsonable(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def main():
    req = json.load(sys.stdin)
    config = Config(retries={"max_attempts": req.get("maxAttempts", 1), "mode": "standard"})
    client = boto3.client("ec2", endpoint_url=req["endpoint"], region_name=req.get("region"), config=config)
    paginator = client.get_paginator("describe_images")
    try:
        result = paginator.paginate(**req.get("params", {}), PaginationConfig=req.get("pagination") or {}).build_full_result()
    except ClientError as err:
        e = err.response.get("Error", {})
        status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        print(json.dumps({"error": {"code": e.get("Code"), "message": e.get("Message"), "status": status}}))
        sys.exit(2)
    out = {"images": result.get("Images", [])}
    if result.get("NextToken"):
        out["nextToken"] = result["NextToken"]
    print(json.dumps(out, default=jsonable, ensure_ascii=False))


if __name__ == "__main__":
    main()
