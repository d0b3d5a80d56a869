# syntax=docker/dockerfile:1
# Build: docker build -t evident .
# Run:   docker run --rm -v evident-data:/data -v "$PWD/out:/out" -e AWS_REGION -e AWS_PROFILE evident run --period 2026-Q3

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY mappings mappings
COPY report-templates report-templates
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/evident.jar extract --destination /app

# Built and run on the same JDK, Java 17, the one the test suite runs on. A training run of the demo
# organization at build time records a class cache (CDS archive) of a whole job, as ./evident does
# on a first start, so each scheduled run starts faster (docs/performance.md, fixed overhead).
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 evident \
 && useradd --system --uid 10001 --gid evident --home-dir /home/evident --create-home evident \
 && mkdir -p /data /out && chown evident:evident /data /out
COPY --from=build /app /app
# C2, the optimizing compiler, only for code that stays hot (30 times the default thresholds): a
# short run spends less CPU compiling, a long run's hot loops still reach C2 (see ./evident). Kept
# apart from JAVA_TOOL_OPTIONS (the heap, below), so that setting one keeps the other.
ENV JDK_JAVA_OPTIONS="-XX:Tier4InvocationThreshold=150000 -XX:Tier4MinInvocationThreshold=18000 -XX:Tier4CompileThreshold=450000 -XX:Tier4BackEdgeThreshold=1200000"
# exit code 3 is the demo's expected gap (its one denied account); the training's store and
# package are thrown away
RUN cd /tmp && java -XX:ArchiveClassesAtExit=/app/evident.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Devident.data-dir=/tmp/training/data -jar /app/evident.jar demo --out /tmp/training/out > /tmp/training.log 2>&1; \
    status=$?; [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat /tmp/training.log; exit 1; }; \
    test -s /app/evident.jsa && rm -rf /tmp/training /tmp/training.log
USER 10001:10001
WORKDIR /home/evident
# The H2 evidence store and job repository live in /data unless SPRING_DATASOURCE_URL points elsewhere.
ENV EVIDENT_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/data", "/out"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/evident.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/evident.jar"]
CMD ["run", "--out", "/out"]
