import { Readable } from "node:stream";
import OcrModule, {
  RecognizeBirthCertificationRequest,
  RecognizeHouseholdRequest,
} from "@alicloud/ocr-api20210707";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { RuntimeOptions } from "@darabonba/typescript";

/** Test credentials from alibaba-wire-protocol.md §1.3 (invented, never real). */
export const TEST_ACCESS_KEY_ID = "LTAI5tTestAccessKeyId01";
export const TEST_ACCESS_KEY_SECRET = "TestAccessKeySecretForDocs0123456789";

/** The real Alibaba Cloud OCR SDK client, as an integrator would construct it. */
export type OcrClient = InstanceType<typeof OcrModule.default>;

/**
 * The official SDK pointed at a local server: protocol http and both timeouts raised, as §3.3 of the protocol page
 * says integrators must do.
 */
export function createSdkClient(
  endpoint: string,
  accessKeyId = TEST_ACCESS_KEY_ID,
  accessKeySecret = TEST_ACCESS_KEY_SECRET,
): OcrClient {
  const config = new $OpenApiUtil.Config({
    accessKeyId,
    accessKeySecret,
    endpoint,
    protocol: "http",
    readTimeout: 30_000,
    connectTimeout: 30_000,
  });
  return new OcrModule.default(config);
}

/** Calls RecognizeHousehold with a body (as a stream, the only form the SDK sends) and/or a Url. */
export function recognizeHousehold(
  client: OcrClient,
  options: { body?: Uint8Array; url?: string; isResidentPage?: boolean },
) {
  const request = new RecognizeHouseholdRequest({
    isResidentPage: options.isResidentPage,
    url: options.url,
    body: options.body === undefined ? undefined : Readable.from([Buffer.from(options.body)]),
  });
  return client.recognizeHousehold(request);
}

/** Calls RecognizeBirthCertification with a body and/or a Url. */
export function recognizeBirthCertification(client: OcrClient, options: { body?: Uint8Array; url?: string }) {
  const request = new RecognizeBirthCertificationRequest({
    url: options.url,
    body: options.body === undefined ? undefined : Readable.from([Buffer.from(options.body)]),
  });
  return client.recognizeBirthCertification(request);
}

/** Calls any action and version through the SDK's generic `callApi`, to reach the server's routing errors. */
export function callAction(client: OcrClient, action: string, version = "2021-07-07") {
  const request = new $OpenApiUtil.OpenApiRequest({ query: {} });
  return client.callApi(rpcParams(action, version), request, new RuntimeOptions({}));
}

/**
 * RecognizeHousehold exactly as the SDK builds it, but with the query given verbatim: how a caller that fills
 * `IsResidentPage` itself (e.g. `"True"`, as other Alibaba SDKs and hand-written clients send it) reaches the server.
 */
export function recognizeHouseholdWithQuery(
  client: OcrClient,
  query: Record<string, string>,
  body: Uint8Array,
) {
  const params = rpcParams("RecognizeHousehold", "2021-07-07");
  const stream = Readable.from([Buffer.from(body)]);
  const request = new $OpenApiUtil.OpenApiRequest({ query, body: stream, stream });
  return client.callApi(params, request, new RuntimeOptions({}));
}

/** The parameters of an RPC-style POST call of `action` at `version`, as the SDK's own generated methods fill them. */
function rpcParams(action: string, version: string) {
  return new $OpenApiUtil.Params({
    action,
    version,
    protocol: "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
}
