import { MASK } from '../../src/support/redaction';
import { MAX_DESCRIPTION_CHARS, messageText } from '../../src/teams/message-text';

const html = (content: string) => ({ body: { contentType: 'html', content } });

describe('the text of a message picked for support', () => {
  it('when the message is HTML, then tags go, line breaks stay and entities read as characters', () => {
    const { text } = messageText(html('<p>Linking fails &amp; I get <b>error&nbsp;403</b></p><p>Partner&#39;s ID &lt;1234567&gt;</p>'));
    expect(text).toBe("Linking fails & I get error 403\nPartner's ID <1234567>");
  });

  it('when the message is plain text, then markup-like text is kept as typed', () => {
    expect(messageText({ body: { contentType: 'text', content: 'a <b>literal</b> &amp;' } }).text).toBe('a <b>literal</b> &amp;');
  });

  it('when the message holds a password, then it is masked and said so', () => {
    const result = messageText(html('<div>My password: Hunter2-secret! and it fails</div>'));
    expect(result.text).toContain(MASK);
    expect(result.text).not.toContain('Hunter2');
    expect(result.masked).toBe(true);
  });

  it('when the message is longer than a description, then it is cut to the limit and said so', () => {
    const result = messageText(html(`<p>${'word '.repeat(20_000)}</p>`));
    expect(result.text.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    expect(result.cut).toBe(true);
    expect(messageText(html('<p>short</p>')).cut).toBe(false);
  });

  it('when the payload is missing, malformed or hostile, then the text is empty or bounded, never an error', () => {
    expect(messageText(undefined)).toEqual({ text: '', masked: false, cut: false });
    expect(messageText({ body: { content: 42 } }).text).toBe('');
    expect(messageText(html('&#xD800; &#99999999; &bogus;')).text).toBe('&#xD800; &#99999999; &bogus;');
    const unclosed = messageText(html(`<${'a'.repeat(100_000)}`));
    expect(unclosed.text.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
  });
});
