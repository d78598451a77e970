import { deepFreeze, KeyTrie } from '../../../domain/primitives/shared';

describe('shared output values', () => {
	it('deepFreeze freezes every object and array inside a value, and returns it', () => {
		const value = { a: [{ b: 'x' }], c: { d: ['y'] } };
		expect(deepFreeze(value)).toBe(value);
		expect(Object.isFrozen(value.a[0])).toBe(true);
		expect(Object.isFrozen(value.c.d)).toBe(true);
		expect(() => value.c.d.push('z')).toThrow(TypeError);
	});

	it('a KeyTrie makes a value once per key sequence (strings by content, objects by identity), frozen', () => {
		const trie = new KeyTrie<string[]>();
		const o = {};
		let made = 0;
		const make = () => {
			made++;
			return ['v'];
		};
		const first = trie.root().key('a').keys([o, 1]).get(make);
		expect(trie.root().key('a').keys([o, 1]).get(make)).toBe(first);
		expect(trie.root().key(['a'].join('')).keys([o, 1]).get(make)).toBe(first);
		expect(trie.root().key('a').keys([{}, 1]).get(make)).not.toBe(first);
		expect(made).toBe(2);
		expect(Object.isFrozen(first)).toBe(true);
	});

	it('past its limit a KeyTrie starts again empty; values handed out stay as they were', () => {
		const trie = new KeyTrie<number[]>(3);
		const a = trie.root().key('a').get(() => [1]);
		for (const k of ['b', 'c', 'd']) trie.root().key(k).get(() => [2]);
		const again = trie.root().key('a').get(() => [3]);
		expect(again).toEqual([3]);
		expect(a).toEqual([1]);
	});
});
