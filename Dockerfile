# Parallax: the API with the built dashboard, embedded SQLite store and search.
# Build: docker build -t parallax .   Run with Meilisearch: docker compose up -d (README, "Run for a team")
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source against Node's headers.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs/domain/package.json libs/domain/
COPY libs/query/package.json libs/query/
COPY libs/ingest/package.json libs/ingest/
COPY libs/enrich/package.json libs/enrich/
COPY libs/store/package.json libs/store/
COPY libs/search/package.json libs/search/
COPY libs/pipeline/package.json libs/pipeline/
RUN npm ci
COPY . .
# The same build `npm start` runs (scripts/ensure-built.mjs), then only production dependencies.
RUN node scripts/ensure-built.mjs --dashboard && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production MONITOR_DATA_DIR=/data PORT=3000
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]
