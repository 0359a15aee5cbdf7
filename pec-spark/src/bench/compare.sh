#!/usr/bin/env bash
# Wall time and peak RSS of `pec credit` and of the Spark job (local[N]) on one month; checks that the job's output
# equals pec credit's byte for byte. Usage: compare.sh MONTH_DIR WORK_DIR [local[2]] [partitions...]
# Needs: pec-examples/target/pec.jar, pec-spark/target/*.jar (or SPARK_JAR=another build of it) and a classpath file
# made by (run from the root; a relative output file would be resolved per module, so it is absolute here)
#   mvn -B -q -pl pec-spark,pec-examples -am package -DskipTests
#   mvn -B -q -pl pec-spark dependency:build-classpath -Dmdep.outputFile="$PWD/pec-spark/target/classpath.txt" \
#     -Dmdep.includeScope=compile
set -euo pipefail
month="$1"; work="$2"; master="${3:-local[2]}"; shift 3 || true
parts=("$@"); [ ${#parts[@]} -eq 0 ] && parts=(0)
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cp="${SPARK_JAR:-$root/pec-spark/target/pec-spark-0.1.0-SNAPSHOT.jar}:$(cat "$root/pec-spark/target/classpath.txt")"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
side=(--grants "$month/grants.csv" --prices "$month/prices.csv" --partners "$month/partners.csv" --reprice)
mkdir -p "$work"
measure() { /usr/bin/time -f "%e s wall, %M KB peak RSS, %U s user" "$@"; }

if [ -z "${KEEP_PEC:-}" ] || [ ! -f "$work/pec.csv" ]; then   # KEEP_PEC=1 reuses a previous run's pec.csv
echo "== pec credit --reprice"
measure java -Xmx2g -jar "$root/pec-examples/target/pec.jar" credit --usage "$month/usage.csv" "${side[@]}" \
  --out "$work/pec.csv" 2> "$work/pec.err" || { cat "$work/pec.err"; exit 1; }
tail -n 1 "$work/pec.err"
fi

for p in "${parts[@]}"; do
  echo "== Spark $master, --partitions $p, --reprice"
  rm -rf "$work/spark-$p"
  measure java -Xmx2g $opens -Dspark.master="$master" -Dspark.driver.bindAddress=127.0.0.1 \
    -Dspark.driver.host=127.0.0.1 -Dspark.ui.enabled=false -cp "$cp" org.openpec.spark.CreditJob \
    --usage "${USAGE:-$month/usage.csv}" "${side[@]}" --partitions "$p" --out "$work/spark-$p" \
    > "$work/spark-$p.out" 2> "$work/spark-$p.err" || { tail -n 40 "$work/spark-$p.err"; exit 1; }
  tail -n 1 "$work/spark-$p.err"
  head -n 1 "$work/spark-$p.out"
  grep -E 'Stage [0-9]+ \(.*\) finished in' "$work/spark-$p.err" | sed -E 's/.*INFO DAGScheduler: //' || true
  if [ -z "${USAGE:-}" ]; then   # USAGE=glob reads the month from several files (rejections then name the parts)
    cat "$work/spark-$p"/part-* | cmp - "$work/pec.csv" && echo "identical to pec credit's file"
  fi
done
