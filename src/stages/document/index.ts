export {
  type DocumentLocation,
  type LocateDocumentOptions,
  locateDocument,
} from "./locate-document.ts";
export { type RectifiedDocument, type RectifyDocumentOptions, rectifyDocument } from "./rectify-document.ts";
export { type PageContent, fitPageToContent } from "./fit-page-to-content.ts";
