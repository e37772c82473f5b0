import { Metadata, status as Status, type StatusObject } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { join } from 'node:path';
import { GOOGLE_PROTO_ROOT } from './paths.js';

/**
 * The google.rpc rich error model: a failed call carries a serialized google.rpc.Status (same code
 * and message as the call) in the `grpc-status-details-bin` trailer, with typed details packed in
 * `Any`. grpc-js has no helper for it (grpc/grpc-node#1716), so the messages are encoded here with
 * protobufjs from googleapis' own .proto files.
 */
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(GOOGLE_PROTO_ROOT, target));
root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
const StatusType = root.lookupType('google.rpc.Status');
const BadRequestType = root.lookupType('google.rpc.BadRequest');
const RetryInfoType = root.lookupType('google.rpc.RetryInfo');
const ErrorInfoType = root.lookupType('google.rpc.ErrorInfo');
const RequestInfoType = root.lookupType('google.rpc.RequestInfo');

export const ERROR_DOMAIN = 'flinkcheck.v1';

export interface FieldViolation {
  readonly field: string;
  readonly description: string;
}

export type ErrorDetail =
  | { readonly kind: 'bad-request'; readonly violations: readonly FieldViolation[] }
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'error-info'; readonly reason: string; readonly metadata?: Readonly<Record<string, string>> }
  | { readonly kind: 'request-info'; readonly requestId: string };

/** A failure meant for the client: becomes a gRPC status with rich details. */
export class RpcError extends Error {
  constructor(
    readonly code: Status,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'RpcError';
  }

  static invalidArgument(violations: readonly FieldViolation[], message?: string): RpcError {
    const summary = message ?? (violations.length === 1
      ? `${violations[0]!.field}: ${violations[0]!.description}`
      : `${violations.length} problems in the request; first: ${violations[0]!.field}: ${violations[0]!.description}`);
    return new RpcError(Status.INVALID_ARGUMENT, summary, [{ kind: 'bad-request', violations }]);
  }
}

function pack(detail: ErrorDetail): { type_url: string; value: Uint8Array } {
  switch (detail.kind) {
    case 'bad-request':
      return any(BadRequestType, { fieldViolations: detail.violations.map((v) => ({ field: v.field, description: v.description })) });
    case 'retry': {
      const seconds = Math.floor(detail.delayMs / 1000);
      return any(RetryInfoType, { retryDelay: { seconds, nanos: Math.round((detail.delayMs - seconds * 1000) * 1e6) } });
    }
    case 'error-info':
      return any(ErrorInfoType, { reason: detail.reason, domain: ERROR_DOMAIN, metadata: detail.metadata ?? {} });
    case 'request-info':
      return any(RequestInfoType, { requestId: detail.requestId });
  }
}

// google.protobuf.Any comes from protobufjs' built-in descriptors, whose field names are snake_case.
function any(type: protobuf.Type, value: object): { type_url: string; value: Uint8Array } {
  return { type_url: `type.googleapis.com/${type.fullName.slice(1)}`, value: type.encode(type.fromObject(value)).finish() };
}

/** The status object grpc-js sends: code, message, and the google.rpc.Status trailer. */
export function toStatusObject(error: RpcError, requestId?: string): Partial<StatusObject> {
  const details = requestId === undefined ? error.details : [...error.details, { kind: 'request-info' as const, requestId }];
  const encoded = StatusType.encode(StatusType.fromObject({ code: error.code, message: error.message, details: details.map(pack) })).finish();
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(encoded));
  return { code: error.code, details: error.message, metadata };
}

/** Decodes a `grpc-status-details-bin` value (for clients and tests). */
export function decodeStatusDetails(bytes: Uint8Array): { code: number; message: string; details: { type: string; value: Record<string, unknown> }[] } {
  const decoded = StatusType.toObject(StatusType.decode(bytes), { defaults: true }) as { code: number; message: string; details: { type_url: string; value: Uint8Array }[] };
  return {
    code: decoded.code,
    message: decoded.message,
    details: decoded.details.map((d) => {
      const name = d.type_url.slice(d.type_url.lastIndexOf('/') + 1);
      const type = root.lookupType(name);
      return { type: name, value: type.toObject(type.decode(d.value), { defaults: true, longs: Number }) as Record<string, unknown> };
    }),
  };
}
