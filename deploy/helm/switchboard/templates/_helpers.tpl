{{/* Names, labels and images shared by every template. */}}

{{- define "switchboard.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The four services: component name, values key, env prefix. Templates loop over this. */}}
{{- define "switchboard.components" -}}
- {name: control-plane, key: controlPlane, prefix: CONTROL_PLANE_}
- {name: voice-runtime, key: voiceRuntime, prefix: VOICE_RUNTIME_}
- {name: stt, key: stt, prefix: STT_}
- {name: tts, key: tts, prefix: TTS_}
{{- end -}}

{{- define "switchboard.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "switchboard.labels" -}}
{{ include "switchboard.selectorLabels" . }}
app.kubernetes.io/part-of: switchboard
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* True when this component runs on the GPU pool. */}}
{{- define "switchboard.usesGpu" -}}
{{- $svc := index .root.Values .key -}}
{{- if and .root.Values.gpu.enabled (has .name (list "stt" "tts")) $svc.gpu -}}true{{- end -}}
{{- end -}}

{{- define "switchboard.image" -}}
{{- $v := .root.Values.image -}}
{{- $tag := $v.tag | default .root.Chart.AppVersion -}}
{{- if include "switchboard.usesGpu" . -}}{{- $tag = printf "%s%s" $tag .root.Values.gpu.imageTagSuffix -}}{{- end -}}
{{- $repo := printf "%s/%s" $v.repository .name -}}
{{- if $v.registry -}}{{- $repo = printf "%s/%s" $v.registry $repo -}}{{- end -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{- define "switchboard.secretName" -}}
{{- if .Values.secrets.create -}}{{ include "switchboard.fullname" . }}-secrets{{- else -}}{{ required "secrets.existingSecret is required when secrets.create is false" .Values.secrets.existingSecret }}{{- end -}}
{{- end -}}
