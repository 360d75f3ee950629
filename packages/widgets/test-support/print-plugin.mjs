// A test-runner command that prints the page as Chromium would on A4 paper and gives back the
// text of the PDF and its number of pages: `executeServerCommand('print-pdf')`.
import { extractText, getDocumentProxy } from 'unpdf';

export function printPlugin() {
  return {
    name: 'print-pdf',
    async executeCommand({ command, session }) {
      if (command !== 'print-pdf') return undefined;
      const page = session.browser.getPage(session.id);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const document = await getDocumentProxy(new Uint8Array(pdf));
      const { text } = await extractText(document, { mergePages: true });
      return { text, pages: document.numPages };
    },
  };
}
