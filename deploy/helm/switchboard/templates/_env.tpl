{{/*
Every environment variable the chart gives the services, in one file.
"switchboard.config" is a component's non-secret settings (its ConfigMap);
"switchboard.secretEnv" its env entries read from the Secret.
*/}}

{{- define "switchboard.config" -}}
{{- $v := .root.Values -}}
{{- $svc := index $v .key -}}
{{- $p := .prefix -}}
{{ $p }}HOST: "0.0.0.0"
{{ $p }}PORT: {{ $svc.port | quote }}
{{ $p }}ENVIRONMENT: {{ $v.environment | quote }}
{{ $p }}LOG_LEVEL: {{ $v.logging.level | quote }}
{{ $p }}LOG_JSON: {{ $v.logging.json | quote }}
{{ $p }}LOG_PII: {{ $v.logging.pii | quote }}
{{- with $v.otlpEndpoint }}
{{ $p }}OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- if eq .name "control-plane" }}
CONTROL_PLANE_VOICE_RUNTIME_PUBLIC_URL: {{ $svc.voiceRuntimePublicUrl | quote }}
CONTROL_PLANE_TTS_URL: {{ printf "http://%s-tts:%v" (include "switchboard.fullname" .root) $v.tts.port | quote }}
CONTROL_PLANE_RATE_LIMIT__REQUESTS_PER_MINUTE: {{ $svc.rateLimitPerMinute | quote }}
CONTROL_PLANE_RATE_LIMIT__FAILED_LOGINS_PER_MINUTE: {{ $svc.failedLoginsPerMinute | quote }}
CONTROL_PLANE_MAX_BODY_BYTES: {{ $svc.maxBodyBytes | int64 | quote }}
CONTROL_PLANE_SECRETS_PROVIDER: {{ $svc.secretsProvider | quote }}
CONTROL_PLANE_ALLOW_PRIVATE_ADDRESSES: {{ $svc.allowPrivateAddresses | quote }}
CONTROL_PLANE_USAGE_RECONCILE_S: {{ $svc.usageReconcileSeconds | quote }}
CONTROL_PLANE_JWT__JWKS_CACHE_S: {{ $svc.jwt.jwksCacheSeconds | quote }}
CONTROL_PLANE_JWT__JWKS_TIMEOUT_S: {{ $svc.jwt.jwksTimeoutSeconds | quote }}
CONTROL_PLANE_JWT__JWKS_REFETCH_COOLDOWN_S: {{ $svc.jwt.jwksRefetchCooldownSeconds | quote }}
CONTROL_PLANE_JWT__JWKS_STALE_IF_ERROR_S: {{ $svc.jwt.jwksStaleIfErrorSeconds | quote }}
{{- with $svc.console.oidcClientId }}
CONTROL_PLANE_CONSOLE__OIDC_CLIENT_ID: {{ . | quote }}
{{- end }}
CONTROL_PLANE_CONSOLE__OIDC_SCOPES: {{ $svc.console.oidcScopes | quote }}
{{- with $svc.webhooks }}
CONTROL_PLANE_WEBHOOKS__RETRY_SCHEDULE_S: {{ toJson .retryScheduleSeconds | quote }}
CONTROL_PLANE_WEBHOOKS__ATTEMPT_TIMEOUT_S: {{ .attemptTimeoutSeconds | quote }}
CONTROL_PLANE_WEBHOOKS__POLL_S: {{ .pollSeconds | quote }}
CONTROL_PLANE_WEBHOOKS__CONCURRENCY: {{ .concurrency | quote }}
CONTROL_PLANE_WEBHOOKS__DISABLE_AFTER_FAILURES: {{ .disableAfterFailures | quote }}
CONTROL_PLANE_WEBHOOKS__ROTATION_OVERLAP_S: {{ .rotationOverlapSeconds | int64 | quote }}
{{- end }}
{{- with $svc.analysis }}
CONTROL_PLANE_ANALYSIS__MAX_ATTEMPTS: {{ .maxAttempts | quote }}
CONTROL_PLANE_ANALYSIS__RETRY_S: {{ .retrySeconds | quote }}
CONTROL_PLANE_ANALYSIS__POLL_S: {{ .pollSeconds | quote }}
CONTROL_PLANE_ANALYSIS__TIMEOUT_S: {{ .timeoutSeconds | quote }}
{{- end }}
CONTROL_PLANE_MIGRATE_ON_START: "false"
CONTROL_PLANE_EVENTS_SOURCE: {{ $svc.eventsSource | quote }}
{{- with $svc.jwt.jwksUrl }}
CONTROL_PLANE_JWT__JWKS_URL: {{ . | quote }}
{{- end }}
{{- with $svc.jwt.audience }}
CONTROL_PLANE_JWT__AUDIENCE: {{ . | quote }}
{{- end }}
{{- with $svc.jwt.issuer }}
CONTROL_PLANE_JWT__ISSUER: {{ . | quote }}
{{- end }}
{{- with $svc.opaUrl }}
CONTROL_PLANE_OPA_URL: {{ . | quote }}
{{- end }}
{{- else if eq .name "voice-runtime" }}
VOICE_RUNTIME_PUBLIC_BASE_URL: {{ $svc.publicBaseUrl | quote }}
VOICE_RUNTIME_STT_URL: {{ printf "http://%s-stt:%v" (include "switchboard.fullname" .root) $v.stt.port | quote }}
VOICE_RUNTIME_TTS_URL: {{ printf "http://%s-tts:%v" (include "switchboard.fullname" .root) $v.tts.port | quote }}
VOICE_RUNTIME_CALL_TOKEN_TTL_S: {{ $svc.callTokenTtlSeconds | quote }}
{{- with $svc.twilioAccountSid }}
VOICE_RUNTIME_TWILIO__ACCOUNT_SID: {{ . | quote }}
{{- end }}
VOICE_RUNTIME_TWILIO__API_BASE: {{ $svc.twilioApiBase | quote }}
{{- with $svc.telnyx.publicKey }}
VOICE_RUNTIME_TELNYX__PUBLIC_KEY: {{ . | quote }}
{{- end }}
VOICE_RUNTIME_TELNYX__API_BASE: {{ $svc.telnyx.apiBase | quote }}
VOICE_RUNTIME_TELNYX__CODEC: {{ $svc.telnyx.codec | quote }}
{{- with $svc.realtimePublicKeys }}
VOICE_RUNTIME_REALTIME__PUBLIC_KEYS: {{ . | quote }}
{{- end }}
VOICE_RUNTIME_END_OF_TURN_MODEL: {{ $svc.endOfTurnModel | quote }}
VOICE_RUNTIME_SILERO_VAD: {{ $svc.sileroVad | quote }}
VOICE_RUNTIME_ALLOW_PRIVATE_ADDRESSES: {{ $svc.allowPrivateAddresses | quote }}
VOICE_RUNTIME_LEASE_TTL_S: {{ $svc.leaseTtlSeconds | quote }}
VOICE_RUNTIME_MAX_CALLS: {{ $svc.maxCalls | quote }}
VOICE_RUNTIME_DRAIN_TIMEOUT_S: {{ $svc.drainTimeoutSeconds | quote }}
{{- else if eq .name "stt" }}
STT_MODEL: {{ $svc.model | quote }}
STT_MODELS: {{ toJson ($svc.models | default list) | quote }}
STT_DEVICE: {{ ternary "cuda" $svc.device (eq (include "switchboard.usesGpu" .) "true") | quote }}
STT_COMPUTE_TYPE: {{ $svc.computeType | quote }}
STT_MAX_CONCURRENCY: {{ $svc.maxConcurrency | quote }}
STT_MAX_QUEUE: {{ $svc.maxQueue | quote }}
STT_MAX_UPLOAD_BYTES: {{ $svc.maxUploadBytes | int64 | quote }}
STT_MAX_AUDIO_S: {{ $svc.maxAudioSeconds | quote }}
STT_PROMPT_MAX_TOKENS: {{ $svc.promptMaxTokens | quote }}
{{- else if eq .name "tts" }}
TTS_DEFAULT_VOICE: {{ $svc.defaultVoice | quote }}
TTS_MAX_INPUT_CHARS: {{ $svc.maxInputChars | quote }}
TTS_ENGINES: {{ toJson $svc.engines | quote }}
TTS_COQUI_MODEL_DIRS: {{ toJson ($svc.coqui.modelDirs | default list) | quote }}
TTS_COQUI_DEVICE: {{ ternary "cuda" $svc.coqui.device (eq (include "switchboard.usesGpu" .) "true") | quote }}
TTS_COQUI_DTYPE: {{ $svc.coqui.dtype | quote }}
TTS_COQUI_LANGUAGE: {{ $svc.coqui.language | quote }}
{{- end }}
{{- if has .name (list "control-plane" "voice-runtime") }}
{{ $p }}RECORDINGS__BACKEND: {{ $v.recordings.backend | quote }}
{{ $p }}RECORDINGS__DIR: /app/recordings
{{- if eq $v.recordings.backend "s3" }}
{{ $p }}RECORDINGS__BUCKET: {{ required "recordings.s3.bucket is required when recordings.backend is s3" $v.recordings.s3.bucket | quote }}
{{- else }}
{{ $p }}RECORDINGS__BUCKET: {{ $v.recordings.s3.bucket | quote }}
{{- end }}
{{ $p }}RECORDINGS__ENDPOINT: {{ $v.recordings.s3.endpoint | quote }}
{{ $p }}RECORDINGS__REGION: {{ $v.recordings.s3.region | quote }}
{{- end }}
{{- if and $v.kafka.enabled (has .name (list "control-plane" "voice-runtime")) }}
{{ $p }}KAFKA__ENABLED: "true"
{{ $p }}KAFKA__BOOTSTRAP_SERVERS: {{ required "kafka.bootstrapServers is required when kafka.enabled" $v.kafka.bootstrapServers | quote }}
{{- end }}
{{- range $name, $value := $svc.env }}
{{ $p }}{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{- define "switchboard.secretRef" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "switchboard.secretName" .root }}
      key: {{ .key }}
{{- if .optional }}
      optional: true
{{- end }}
{{- end -}}

{{- define "switchboard.secretEnv" -}}
{{- $r := .root -}}
{{- if eq .name "control-plane" }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_DATABASE_URL" "key" "database-url") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_REDIS_URL" "key" "redis-url") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_BOOTSTRAP_ADMIN_KEY" "key" "bootstrap-admin-key") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_SECRET_KEYS" "key" "secret-keys") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_RUNTIME_KEYS" "key" "runtime-keys") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_API_KEY_PEPPER" "key" "api-key-pepper") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_JWT__HS256_SECRET" "key" "jwt-hs256-secret" "optional" true) }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_REALTIME_SIGNING_KEY" "key" "realtime-signing-key" "optional" true) }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_TTS_TOKEN" "key" "tts-service-token") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_RECORDINGS__ACCESS_KEY_ID" "key" "recordings-access-key-id" "optional" true) }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "CONTROL_PLANE_RECORDINGS__SECRET_ACCESS_KEY" "key" "recordings-secret-access-key" "optional" true) }}
{{- else if eq .name "voice-runtime" }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_REDIS_URL" "key" "redis-url") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_RUNTIME_KEYS" "key" "runtime-keys") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_CALL_TOKEN_SECRET" "key" "call-token-secret") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_TWILIO__AUTH_TOKEN" "key" "twilio-auth-token") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_TELNYX__API_KEY" "key" "telnyx-api-key" "optional" true) }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_STT_TOKEN" "key" "stt-service-token") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_TTS_TOKEN" "key" "tts-service-token") }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_RECORDINGS__ACCESS_KEY_ID" "key" "recordings-access-key-id" "optional" true) }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "VOICE_RUNTIME_RECORDINGS__SECRET_ACCESS_KEY" "key" "recordings-secret-access-key" "optional" true) }}
{{- else if eq .name "stt" }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "STT_SERVICE_TOKEN" "key" "stt-service-token") }}
{{- else if eq .name "tts" }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "TTS_SERVICE_TOKEN" "key" "tts-service-token") }}
{{- if $r.Values.tts.redisCache }}
{{ include "switchboard.secretRef" (dict "root" $r "env" "TTS_REDIS_URL" "key" "redis-url") }}
{{- end }}
{{- end }}
{{- end -}}
