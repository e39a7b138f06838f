"""Runs SSM calls through boto3 against an endpoint: reads {"calls": [{"op", "args", "paginate"}], "region", "key", "secret"} on stdin, prints one JSON answer per call."""
import json
import sys

import boto3
import botocore.exceptions

req = json.load(sys.stdin)
client = boto3.client(
    "ssm", endpoint_url=req["endpoint"], region_name=req.get("region", "us-east-1"),
    aws_access_key_id=req["key"], aws_secret_access_key=req["secret"],
    config=botocore.config.Config(retries={"max_attempts": 1}),
)
out = []
for call in req["calls"]:
    try:
        if call.get("paginate"):
            pages = list(client.get_paginator(call["op"]).paginate(**call["args"]))
            result = {"pages": len(pages), "Parameters": [p for page in pages for p in page["Parameters"]]}
        else:
            result = getattr(client, call["op"])(**call["args"])
            result.pop("ResponseMetadata", None)
        out.append({"ok": result})
    except botocore.exceptions.ClientError as e:
        out.append({"error": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]})
print(json.dumps(out, default=str))
