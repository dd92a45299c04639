/** The API's error answers (panda spec §5): a status and `{"error": class, "message": text}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorClass: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const notAuthorized = (message: string) => new ApiError(401, 'NotAuthorized', message);

/** `Couldn't find Video with ID=X` (spec §5); profiles looked up by name say `name=`. */
export const notFound = (model: string, id: string, key = 'ID') => new ApiError(404, 'RecordNotFound', `Couldn't find ${model} with ${key}=${id}`);

/** The documented wording for absent parameters (spec §5, §9.3.10). */
export const missingParams = (names: string) => badRequest(`All required parameters were not supplied: ${names}`);

/** Sandbox accounts' limit (spec §5); only when the emulator is given `maxFileSize`. */
export const fileTooLarge = (limit: number) => new ApiError(413, 'FileSizeLimitExceeded', `File size limit for this account is set to ${limit} bytes`);
