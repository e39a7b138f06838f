"""boto3's DescribeImages paginator (PageSize 1000) over the benchmark endpoint; prints one image ID per line.
Usage: python3 bench/boto3_paginate.py <endpoint-url>"""
import sys

import boto3

client = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1")
out = sys.stdout
for page in client.get_paginator("describe_images").paginate(PaginationConfig={"PageSize": 1000}):
    for image in page.get("Images", []):
        out.write(image["ImageId"] + "\n")
