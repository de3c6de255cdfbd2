# One image per service, from the executable jar Maven builds (./mvnw -DskipTests package):
#   docker build --build-arg SERVICE=company-service -t relocmatch/company-service .
# docker-compose.yml builds the four of them and the adviser console this way.
FROM eclipse-temurin:21-jre
ARG SERVICE
# curl serves the compose healthcheck on /actuator/health/readiness.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 relocmatch
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER relocmatch
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
