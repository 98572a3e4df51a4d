import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

/**
 * An XML order feed document: the `AmazonEnvelope` of amzn-envelope.xsd (DocumentVersion 1.01,
 * MerchantIdentifier, one MessageType) around the given Message(s). Built with XMLBuilder
 * (escaping included), never by string concatenation.
 */
export function amazonEnvelope(sellerId: string, messageType: string, message: unknown): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    AmazonEnvelope: {
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
      Header: { DocumentVersion: '1.01', MerchantIdentifier: sellerId },
      MessageType: messageType,
      Message: message,
    },
  }) as string;
}
