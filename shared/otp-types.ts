/** Token kinds Keyfob can generate codes for. Steam is TOTP with a 5-letter alphabet. */
export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

/** HMAC algorithms of RFC 6238 §1.2. */
export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** Every parameter of a token except its secret. */
export interface TokenParams {
  type: OtpType;
  algorithm: Algorithm;
  /** 4–10 for TOTP/HOTP; always 5 for Steam. */
  digits: number;
  /** Seconds, 1…86400. Ignored for HOTP but kept at 30 so a type change is lossless. */
  period: number;
  /** HOTP moving factor; 0n for TOTP/Steam. Up to 2^64−1. */
  counter: bigint;
}

/** The names a user sees for a token. */
export interface TokenLabel {
  issuer: string;
  account: string;
}

/** A complete token as parsed from a key URI or typed by hand. `secret` is raw key bytes. */
export interface Token extends TokenParams, TokenLabel {
  secret: Uint8Array;
}
