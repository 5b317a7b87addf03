#!/usr/bin/env bash
# Loads and encodes 1,500 MMStar-sized rows from the cache and prints the time (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# Compile the runtime and list its class path in one reactor run (no install needed).
mvn -B -q -o -pl runtime -am compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx2g -cp "runtime/target/classes:$(cat runtime/target/bench-classpath.txt)" bench/MmstarLoadBench.java
