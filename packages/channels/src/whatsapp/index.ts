export type { HttpHeaders } from './http-headers.js';
export {
  verifyWhatsAppHandshake,
  type HandshakeRejection,
  type HandshakeVerdict,
  type VerifyWhatsAppHandshakeInput,
} from './verify-handshake.js';
export {
  WHATSAPP_SIGNATURE_HEADER,
  verifyWhatsAppSignature,
  type SignatureRejection,
  type SignatureVerdict,
  type VerifyWhatsAppSignatureInput,
} from './verify-signature.js';
