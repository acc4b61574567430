# Build stage: dependencies first (a cached layer while only sources change), then the whole reactor, tests skipped
# (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY catalog-core/pom.xml catalog-core/
COPY parsers/pom.xml parsers/
COPY admin/pom.xml admin/
COPY bot/pom.xml bot/
COPY webapp/pom.xml webapp/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
# no embedded PostgreSQL in the image: it always runs against the stack's database
RUN mvn -B -q -DskipTests -P '!embedded-postgres-linux-amd64,!embedded-postgres-linux-arm64' package

# Runtime stage: the single runnable jar.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 app && mkdir -p /app/data && chown app /app/data
WORKDIR /app
COPY --from=build /src/webapp/target/chanmarket.jar /app/chanmarket.jar
USER app
EXPOSE 8080
ENV LOG_FORMAT=json
# readiness: the database and Redis answer (no curl in the image: bash's /dev/tcp)
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD bash -c "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/readiness HTTP/1.0\r\n\r\n' >&3 && grep -q ' 200 ' <&3"
# G1 aiming at 10 ms pauses: with its default target (200 ms) it grows the young generation to gigabytes and pauses
# 30-150 ms, which is the whole p99 of GET /ads at a fixed rate (docs/benchmarks.md, "Ad engine load")
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=75", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
  "-XX:MaxGCPauseMillis=10", "-jar", "/app/chanmarket.jar"]
