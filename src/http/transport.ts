import axios, { type AxiosInstance } from 'axios';

/**
 * The axios instance every pipeline uses. Statuses are classified by the pipeline (never thrown by
 * axios), and no proxy/env magic changes where requests go.
 */
export function createTransport(): AxiosInstance {
  return axios.create({
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
    transitional: { clarifyTimeoutError: true },
  });
}

let shared: AxiosInstance | undefined;
export function defaultTransport(): AxiosInstance {
  shared ??= createTransport();
  return shared;
}
