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
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 evident \
 && useradd --system --uid 10001 --gid evident --home-dir /home/evident --create-home evident \
 && mkdir -p /data /out && chown evident:evident /data /out
COPY --from=build /src/target/evident.jar /app/evident.jar
USER 10001:10001
WORKDIR /home/evident
# The H2 evidence store and job repository live in /data unless SPRING_DATASOURCE_URL points elsewhere.
ENV EVIDENT_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/data", "/out"]
ENTRYPOINT ["java", "-jar", "/app/evident.jar"]
CMD ["run", "--out", "/out"]
