/** The error boundary (nodes/shared/errors.ts): configuration errors name no item, item errors do. */
import { NodeOperationError, type INode } from 'n8n-workflow';
import { InvalidFieldError } from '../../../domain/primitives/errors';
import { configurationError, errorDetails, itemError, readConfiguration, unsupportedOperation } from '../../../nodes/shared/errors';

const node: INode = { id: 'n', name: 'Node', type: 'x', typeVersion: 1.1, position: [0, 0], parameters: {} };
const domain = () => new InvalidFieldError('invalid_period', 'Settlement Period', '"Settlement Period" is not a period', 'Write e.g. 2026-Q1.');

describe('error boundary', () => {
	it('a configuration error keeps the domain message and hint and names no item', () => {
		const error = configurationError(node, domain());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"Settlement Period" is not a period');
		expect(error.description).toBe('Write e.g. 2026-Q1.');
		expect(error.context.itemIndex).toBeUndefined();
	});

	it('readConfiguration returns the value, or throws the configuration error', () => {
		expect(readConfiguration(node, () => 42)).toBe(42);
		expect(() =>
			readConfiguration(node, () => {
				throw domain();
			}),
		).toThrow(expect.objectContaining({ message: '"Settlement Period" is not a period', description: 'Write e.g. 2026-Q1.' }));
		expect(() =>
			readConfiguration(node, () => {
				throw new Error('plain');
			}),
		).toThrow(NodeOperationError);
	});

	it('an item error names the item; a node error keeps an index it already has', () => {
		expect(itemError(node, domain(), 3).context.itemIndex).toBe(3);
		const own = new NodeOperationError(node, 'own', { itemIndex: 1 });
		expect(itemError(node, own, 3)).toBe(own);
		expect(own.context.itemIndex).toBe(1);
	});

	it('error details carry code, field, hint and the error in words (Dutch by default), never the value', () => {
		expect(errorDetails(domain())).toEqual({
			code: 'invalid_period',
			field: 'Settlement Period',
			hint: 'Write e.g. 2026-Q1.',
			text: 'Het veld "Settlement Period" bevat geen geldige periode.',
			fix: 'Schrijf een periode als 2026-Q1, 2026-03, 2026-H1, 2026 of 2026-01-01/2026-03-31.',
		});
		expect(errorDetails(domain(), 'en')).toMatchObject({ text: 'The field "Settlement Period" does not hold a valid period.' });
		expect(errorDetails(new Error('x'))).toEqual({
			code: 'error',
			field: null,
			hint: null,
			text: 'Deze rij bevat een waarde die niet gebruikt kan worden.',
			fix: 'Controleer de rij in het bronbestand of formulier; de functioneel beheerder ziet in n8n welk veld het is.',
		});
	});

	it('an unknown operation is a node error with the operation named', () => {
		const error = unsupportedOperation(node, 'frobnicate');
		expect(error.message).toBe('The operation "frobnicate" is not supported');
		expect(error.context.itemIndex).toBeUndefined();
	});
});
