/** A Map that forgets its oldest keys beyond `max` entries (a key set again counts as new). */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly max: number;
  constructor(max: number) {
    super();
    this.max = max;
  }
  override set(key: K, value: V) {
    if (this.max <= 0) return this;
    this.delete(key);
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}
