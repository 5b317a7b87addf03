#!/bin/sh
# Builds the runtime and this harness (offline), then measures the client against the mock server
# started in a process of its own. Options are passed on: --quick (shorter runs), --skip-10k.
# BENCH_JVM adds options to the client's JVM, e.g. BENCH_JVM=-XX:+UseZGC. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
mvn -B -o -q package -DskipTests -pl bench -am
exec java -Xms1g -Xmx1g $BENCH_JVM -cp runtime/target/llmbench.jar:bench/target/classes io.llmbench.bench.ClientBench "$@"
