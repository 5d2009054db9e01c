import { ApiError } from '../http/api-error.js';
import { firstNameOf, foldForSearch, normalizeName, normalizeTags, parseEmailField, parseExternalId, parsePhoneField } from './contact-fields.js';

describe('contact fields', () => {
  it('reads phones the way people type them, with the workspace country', () => {
    expect(parsePhoneField('(11) 98765-4321', 'BR')).toBe('+5511987654321');
    expect(parsePhoneField('+1 415 555 2671', 'BR')).toBe('+14155552671');
    expect(parsePhoneField('+55 11 98765-4321', null)).toBe('+5511987654321');
    expect(() => parsePhoneField('98765-4321', 'BR')).toThrow(ApiError);
    expect(() => parsePhoneField('(11) 98765-4321', null)).toThrow(/country code/);
  });

  it('lower-cases emails and names the field when one is wrong', () => {
    expect(parseEmailField(' Ana@Loja.COM.br ')).toBe('ana@loja.com.br');
    try {
      parseEmailField('ana@loja', 'externalId');
      throw new Error('accepted');
    } catch (error) {
      expect((error as ApiError).details).toEqual([{ field: 'externalId', message: 'externalId is not a valid email address' }]);
    }
  });

  it('normalises names, first names and tags', () => {
    expect(normalizeName('  Jose\u0301   da  Silva ')).toBe('José da Silva');
    expect(normalizeName('   ')).toBeNull();
    expect(firstNameOf('José da Silva')).toBe('José');
    expect(firstNameOf(null)).toBeNull();
    expect(normalizeTags([' vip', 'vip ', 'b', ''])).toEqual(['vip', 'b']);
  });

  it('stores channel ids in one form per channel', () => {
    expect(parseExternalId('whatsapp', '11 98765 4321', 'BR')).toBe('+5511987654321');
    expect(parseExternalId('email', 'Ana@Example.com', null)).toBe('ana@example.com');
    expect(parseExternalId('telegram', ' 12345 ', null)).toBe('12345');
    expect(() => parseExternalId('telegram', 'a\u0000b', null)).toThrow(ApiError);
  });

  it('folds search terms the way jornada_fold() folds names', () => {
    expect(foldForSearch('  JOÃO   Conceição ')).toBe('joao conceicao');
    expect(foldForSearch('Ñandú 50%')).toBe('nandu 50%');
  });
});
