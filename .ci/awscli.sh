#!/usr/bin/env bash
# The AWS CLI, an independent client of the simulator's wire protocols (the AwsCli*IT tests):
# Debian's package when the machine has no `aws`. Needs root (as CI is).
set -euo pipefail
if ! command -v aws >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq awscli >/dev/null
fi
aws --version
