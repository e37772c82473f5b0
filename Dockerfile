# flinkcheck gRPC service. Build: docker build -t flinkcheck .   Run: docker run -p 50051:50051 -p 9464:9464 flinkcheck
# Stage 1 builds (parser generation and tsc need the dev dependencies), then drops them.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY grammar ./grammar
COPY tsconfig.json ./
COPY src ./src
COPY rules ./rules
COPY bench ./bench
COPY proto ./proto
RUN npm ci && npm prune --omit=dev

# Stage 2: only what runs. tini is PID 1 so SIGTERM reaches node (and the drain) and zombies are reaped.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    FLINKCHECK_HOST=0.0.0.0 \
    FLINKCHECK_PORT=50051 \
    FLINKCHECK_METRICS_PORT=9464
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root proto ./proto
COPY --chown=root:root bin ./bin
COPY --chown=root:root deploy/default-catalog.sql ./deploy/default-catalog.sql
# The image's unprivileged user; the files above stay read-only for it.
USER node
EXPOSE 50051 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "dist/src/server/health-probe.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/server/main.js", "--catalog", "deploy/default-catalog.sql"]
