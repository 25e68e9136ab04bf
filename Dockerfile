# ArticleApi: build with the .NET SDK, run on the ASP.NET runtime image as its non-root `app` user.
#   docker build -t articleapi .            (or: docker compose -f docker/docker-compose.yml up --build)
# No engine runs on the CI machines: .ci/smoke-container.sh replays these steps without Docker.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the files that name packages only, so this layer stays cached while only code changes.
# global.json is left out on purpose: it pins the developers' SDK band; the image's SDK is whatever sdk:10.0 ships.
COPY ArticleApi.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ArticleApi/ArticleApi.csproj src/ArticleApi/
RUN dotnet restore src/ArticleApi/ArticleApi.csproj
COPY appsettings.json ./
COPY src/ src/
# Warnings stay warnings here: CI gates them on the pinned SDK (global.json); a newer SDK in sdk:10.0 may add analyzer
# rules, and that must not break an operator's image build.
RUN dotnet publish src/ArticleApi/ArticleApi.csproj -c Release --no-restore -o /app -p:UseAppHost=false -p:TreatWarningsAsErrors=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The image's non-root user (UID 1654) owns the database folder; the article folder is only read.
# The image carries no articles: mount a folder at /articles (the compose file mounts ../samples by default).
RUN mkdir -p /data /articles && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Articles="Data Source=/data/articles.db" \
    Import__SourceDirectory=/articles \
    Serilog__ConsoleFormat=CompactJson
USER $APP_UID
EXPOSE 8080
VOLUME ["/data", "/articles"]
# The runtime image has no curl or wget: the app probes itself (GET /health/ready on loopback, exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "ArticleApi.dll", "health"]
# SIGTERM (docker stop) lets the import roll back its batch in flight and the service exit 0 within 10 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "ArticleApi.dll"]
