/**
 * Values shared between output items: frozen, and built once per distinct key.
 *
 * Large runs repeat the same few sub-values on every item (the reasons of a route, its actions, a
 * municipality, a contact's address list). Building them once per distinct key and sharing the one
 * frozen value keeps the cost per item to the item's own fields. Frozen (deeply): changing a shared
 * value in place throws a TypeError, so it can never change another item. Replacing it is fine (n8n's
 * Edit Fields node copies the item first). See CONTRIBUTING.md "Output values shared between items".
 * Pure: no I/O.
 */

/**
 * Freeze `value` and every object and array inside it. Returns `value`.
 * @param value a JSON-like value (objects, arrays, strings, numbers, booleans, null)
 */
export function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
	}
	return value;
}

/** One node of a KeyTrie: the value for the keys that lead here, and the nodes one key further. */
export class KeyTrieNode<V> {
	private next: Map<unknown, KeyTrieNode<V>> | undefined;
	private value: V | undefined;

	constructor(private readonly trie: KeyTrie<V>) {}

	/** The node one key further (keys compare like Map keys: strings by content, objects by identity). */
	key(k: unknown): KeyTrieNode<V> {
		const next = (this.next ??= new Map());
		let node = next.get(k);
		if (!node) {
			node = new KeyTrieNode(this.trie);
			next.set(k, node);
			this.trie.grew();
		}
		return node;
	}

	/** The node after every key of `keys`, in order. */
	keys(keys: readonly unknown[]): KeyTrieNode<V> {
		return keys.reduce<KeyTrieNode<V>>((node, k) => node.key(k), this);
	}

	/** The value at this node if it was made already (no function to allocate on the hot path), else undefined. */
	made(): V | undefined {
		return this.value;
	}

	/** The value at this node, made (and deep-frozen) the first time. */
	get(make: () => V): V {
		if (this.value === undefined) this.value = deepFreeze(make());
		return this.value;
	}
}

/**
 * A cache keyed by a sequence of keys, without building a key per lookup: `trie.root().key(a).keys(list).get(make)`.
 * Values are deep-frozen. Bounded: past `limit` nodes it starts again empty (values already handed out
 * stay valid; only the sharing restarts).
 */
export class KeyTrie<V> {
	private top: KeyTrieNode<V> = new KeyTrieNode(this);
	private nodes = 0;

	/** @param limit nodes kept at most before the trie starts again (default 100 000) */
	constructor(private readonly limit = 100_000) {}

	/** The empty key sequence. */
	root(): KeyTrieNode<V> {
		return this.top;
	}

	/** @internal called by a node when it adds a child */
	grew(): void {
		if (++this.nodes > this.limit) {
			this.nodes = 0;
			this.top = new KeyTrieNode(this);
		}
	}
}

/**
 * `make(key)` once per distinct key (Map keys: strings by content) for as long as the returned function is
 * kept: for texts that repeat over the lines of one output, made per call, never module-wide.
 */
export function memoise<K, V>(make: (key: K) => V): (key: K) => V {
	const made = new Map<K, V>();
	return (key) => {
		let v = made.get(key);
		if (v === undefined) made.set(key, (v = make(key)));
		return v;
	};
}
