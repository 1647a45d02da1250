#!/usr/bin/env bash
# Checks that a fresh Maven project outside the repository can use JetLog from the README's coordinates
# (after mvn install) and that the README's Java API example compiles and runs unchanged: the example is
# cut from README.md, wrapped in a main method, compiled against the resolved class path and run.
# Usage: examples/check-fresh-project.sh   (run mvn -B install -DskipTests first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>uses-jetlog</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release></properties>
  <dependencies>
    <dependency><groupId>dev.jetlog</groupId><artifactId>jetlog</artifactId><version>$version</version><type>pom</type></dependency>
  </dependencies>
</project>
POM
{
  echo "import dev.jetlog.seminaive.api.*;"
  echo "import java.nio.file.Path;"
  echo "public class Example { public static void main(String[] args) throws Exception {"
  awk '/^```java$/ {on = 1; next} /^```$/ {on = 0} on' "$root/README.md" | grep -v '^import '
  echo "System.out.println(\"README example ran\"); } }"
} > "$work/src/main/java/Example.java"
cd "$work"
mvn -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt > /dev/null
javac -cp "$(cat cp.txt)" -d classes src/main/java/Example.java
java -cp "classes:$(cat cp.txt)" Example
