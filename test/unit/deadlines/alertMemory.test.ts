import { AlertMemory, isAlertState } from '../../../domain/deadlines';

describe('AlertMemory', () => {
	it('reports a case the first time, and again only when its status changes', () => {
		const m = new AlertMemory(undefined, 10);
		expect(m.observe('C-1', 'on_track')).toBe(true);
		expect(m.observe('C-1', 'on_track')).toBe(false);
		expect(m.observe('C-1', 'due_soon')).toBe(true);
		expect(m.observe('C-1', 'due_soon')).toBe(false);
	});

	it('survives a round trip through JSON (n8n static data)', () => {
		const m = new AlertMemory(undefined, 10);
		m.observe('C-1', 'overdue');
		const again = new AlertMemory(JSON.parse(JSON.stringify(m.toState())), 10);
		expect(again.observe('C-1', 'overdue')).toBe(false);
		expect(again.observe('C-2', 'overdue')).toBe(true);
	});

	it('peek compares without remembering (manual runs)', () => {
		const m = new AlertMemory({ version: 1, cases: [['C-1', 'overdue']] }, 10);
		expect(m.peek('C-1', 'overdue')).toBe(false);
		expect(m.peek('C-2', 'overdue')).toBe(true);
		expect(m.peek('C-2', 'overdue')).toBe(true);
		expect(m.size).toBe(1);
	});

	it('is bounded: the case not seen for the longest time is forgotten first', () => {
		const m = new AlertMemory(undefined, 2);
		m.observe('1', 'a');
		m.observe('2', 'a');
		m.observe('1', 'a'); // seen again: now the most recent
		m.observe('3', 'a');
		expect(m.toState().cases).toEqual([
			['1', 'a'],
			['3', 'a'],
		]);
	});

	it('ignores state it does not recognise', () => {
		expect(isAlertState({ foo: 1 })).toBe(false);
		expect(new AlertMemory({ version: 2, cases: [] }, 5).size).toBe(0);
		expect(new AlertMemory('x', 5).size).toBe(0);
	});
});
