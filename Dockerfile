# Build stage: the whole reactor, tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

# Runtime stage: the single runnable jar.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 app && mkdir -p /app/data && chown app /app/data
WORKDIR /app
COPY --from=build /src/webapp/target/chanmarket.jar /app/chanmarket.jar
USER app
EXPOSE 8080
ENV LOG_FORMAT=json
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=75", "-XX:MaxRAMPercentage=75", "-jar", "/app/chanmarket.jar"]
