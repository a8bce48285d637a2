// The console's only door to the control plane: the public /v1 API with the signed-in credential.
import { token, signOut } from "./auth.js";

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `Request failed (${status}).`);
    this.status = status;
    this.code = error.code || "http_error";
    this.details = error.details;
  }

  // {field path: message} from a 422's details ("body." dropped: paths match form fields).
  fieldErrors() {
    const out = {};
    if (Array.isArray(this.details)) {
      for (const item of this.details) {
        const field = String(item.field || "").replace(/^body\./, "");
        out[field] = out[field] ? `${out[field]}; ${item.message}` : item.message;
      }
    }
    return out;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(method, path, body) {
  const headers = { Accept: "application/json" };
  const credential = token();
  if (credential) headers.Authorization = `Bearer ${credential}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    signOut();
    onUnauthorized();
  }
  return response;
}

export async function api(method, path, body) {
  const response = await send(method, path, body);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api("GET", path);

// A binary resource (the recording) as an object URL; null when it does not exist (404).
export async function blobUrl(path) {
  const response = await send("GET", path);
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError(response.status, null);
  return URL.createObjectURL(await response.blob());
}

export function query(params) {
  const clean = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return clean.length ? `?${new URLSearchParams(clean)}` : "";
}

// POSTs JSON and returns the binary answer (the voice preview) as an object URL.
export async function postForBlob(path, body) {
  const response = await send("POST", path, body);
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : null);
  }
  return URL.createObjectURL(await response.blob());
}
