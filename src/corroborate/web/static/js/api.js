// The page's only way to the data: GET requests to the JSON API of the same origin.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** The query string of the parameters that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET /api{path}{query}; the parsed JSON, or an ApiError carrying the API's one-line detail. */
export async function get(path, params) {
  const response = await fetch(`/api${path}${query(params)}`, {headers: {Accept: "application/json"}});
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && typeof body.detail === "string") detail = body.detail;
    } catch {
      // not JSON: the status line says enough
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

const cache = new Map();

/** GET for data that does not change while the page is open (basemap, sources, conflicts). */
export function getOnce(path, params) {
  const key = `${path}${query(params)}`;
  if (!cache.has(key)) {
    cache.set(key, get(path, params).catch((error) => {
      cache.delete(key);
      throw error;
    }));
  }
  return cache.get(key);
}
