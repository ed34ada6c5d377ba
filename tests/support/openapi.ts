import fs from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The providers' official OpenAPI documents (tests/fixtures/specs/), as JSON Schema validators
 * of request and response bodies: what Whoami sends is checked against what the provider
 * publishes, by a validator rather than by hand. OpenAPI 3.0 documents are read by Ajv's
 * draft-07 validator (which knows 3.0's `nullable`), 3.1 documents by its 2020-12 validator.
 */
export function openApiDocument(file: string) {
  const spec = JSON.parse(fs.readFileSync(new URL(`../fixtures/specs/${file}`, import.meta.url), 'utf8')) as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: unknown }> };
          responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
        }
      >
    >;
  };
  const ajv = spec.openapi.startsWith('3.1')
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The whole document under one id, so its own `#/components/...` references resolve.
  ajv.addSchema(spec as object, 'spec');
  const cache = new Map<string, ValidateFunction>();

  function validator(pointer: string): ValidateFunction {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec#${pointer}` });
      cache.set(pointer, validate);
    }
    return validate;
  }

  const escape = (path: string) => path.replaceAll('~', '~0').replaceAll('/', '~1');

  function check(pointer: string, value: unknown): string[] {
    const validate = validator(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    );
  }

  return {
    /** Problems with a request body for `method path` in `contentType`; empty when it conforms. */
    requestProblems(method: string, path: string, contentType: string, body: unknown): string[] {
      const operation = spec.paths[path]?.[method.toLowerCase()];
      if (!operation?.requestBody?.content[contentType]) throw new Error(`the document has no ${contentType} body for ${method} ${path}`);
      return check(`/paths/${escape(path)}/${method.toLowerCase()}/requestBody/content/${escape(contentType)}/schema`, body);
    },
    /** Problems with a response body for `method path` and status. */
    responseProblems(method: string, path: string, status: number, body: unknown): string[] {
      const response = spec.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
      const contentType = Object.keys(response?.content ?? {})[0];
      if (!contentType) throw new Error(`the document has no body for ${status} of ${method} ${path}`);
      return check(`/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}/content/${escape(contentType)}/schema`, body);
    },
  };
}
