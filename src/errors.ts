/** Every error code the library and the service use, with its HTTP status and the message the real service sends. */
export const ERROR_CODES = {
  imageUrlOrBodyEmpty: { status: 400, message: "The image URL or body is empty." },
  exceededImageUrlLength: { status: 400, message: "The image URL length exceeds 2048 characters." },
  IllegalImageUrl: { status: 400, message: "The image URL is unavailable or has timed out." },
  notSafeImageUrl: { status: 400, message: "The image URL is not safe." },
  imageTimeOut: { status: 400, message: "Get image data time out." },
  unsupportedImageFormat: { status: 415, message: "The image format or content is not supported." },
  illegalImageSize: {
    status: 416,
    message: "The image size must be greater than 15px and less than 8192px, with an aspect ratio below 50.",
  },
  exceededImageContent: { status: 413, message: "The image content size exceeds the 10 MB limit." },
  unmatchedImageType: { status: 400, message: "The image type does not match the API operation." },
  InvalidVersion: { status: 400, message: "Invalid parameter version." },
  "InvalidAction.NotFound": {
    status: 404,
    message: "Specified api is not found, please check your url and method.",
  },
  MissingSignature: { status: 400, message: "Signature is required." },
  "InvalidAccessKeyId.NotFound": { status: 404, message: "Specified access key is not found." },
  SignatureDoesNotMatch: { status: 400, message: "Specified signature is not matched with our calculation." },
  "InvalidTimeStamp.Expired": { status: 400, message: "Specified time stamp or date value is expired." },
  SignatureNonceUsed: { status: 400, message: "The signature nounce is already in use." },
  noPermission: { status: 401, message: "You are not authorized to perform this operation." },
  "Throttling.User": { status: 400, message: "Request denied because the throttling threshold is reached." },
  algorithmError: { status: 503, message: "An algorithm error occurred." },
  ServiceTimeout: { status: 504, message: "The requested service is timed out." },
  InvalidParameter: { status: 400, message: "A parameter is invalid." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error class of zhengzhao: a stable `code` from {@link ERROR_CODES}, the HTTP `status` the service answers
 * with, a message that says what was wrong, and the `cause` where a lower layer failed.
 *
 * @example
 * throw new RecognitionError("illegalImageSize", "image is 9000×600 px; each side must be 16–8191 px");
 */
export class RecognitionError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERROR_CODES[code].message, options);
    this.name = "RecognitionError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
  }
}

/** The error for an argument that is not what a function expects: says what was expected and what came. */
export function invalidParameterError(name: string, expected: string, actual: unknown): RecognitionError {
  const shown = typeof actual === "string" ? JSON.stringify(actual) : String(actual);
  return new RecognitionError("InvalidParameter", `Expected ${name} to be ${expected} but received ${shown}`);
}
