package dev.ltb.wasm;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.MutabilityType;

/**
 * An instance's state right after instantiation: its linear memory, mutable globals and tables. Putting it back
 * after a call makes a pooled instance start the next call exactly as a fresh one would (no heap, stack pointer
 * or data of the last call), for the cost of copying its memory rather than building a new instance. An
 * instance whose memory or tables grew cannot be put back (Chicory cannot shrink them) and is discarded.
 */
final class InstanceSnapshot {

  private final byte[] memory;
  private final int pages;
  private final int[] globals;
  private final long[] low;
  private final long[] high;
  private final int[][] tableRefs;
  private final Instance[][] tableInstances;

  private InstanceSnapshot(Instance instance) {
    Memory linear = instance.memory();
    this.pages = linear == null ? 0 : linear.pages();
    this.memory = linear == null ? new byte[0] : linear.readBytes(0, pages * Memory.PAGE_SIZE);
    int count = 0;
    int[] mutable = new int[instance.globalCount()];
    for (int i = 0; i < instance.globalCount(); i++) {
      if (instance.global(i).getMutabilityType() == MutabilityType.Var) mutable[count++] = i;
    }
    this.globals = java.util.Arrays.copyOf(mutable, count);
    this.low = new long[count];
    this.high = new long[count];
    for (int i = 0; i < count; i++) {
      GlobalInstance global = instance.global(globals[i]);
      low[i] = global.getValueLow();
      high[i] = global.getValueHigh();
    }
    this.tableRefs = new int[instance.tableCount()][];
    this.tableInstances = new Instance[instance.tableCount()][];
    for (int t = 0; t < instance.tableCount(); t++) {
      TableInstance table = instance.table(t);
      tableRefs[t] = new int[table.size()];
      tableInstances[t] = new Instance[table.size()];
      for (int i = 0; i < table.size(); i++) {
        tableRefs[t][i] = table.ref(i);
        tableInstances[t][i] = table.instance(i);
      }
    }
  }

  static InstanceSnapshot of(Instance instance) {
    return new InstanceSnapshot(instance);
  }

  /** Puts the state back; false (and nothing changed) when the memory or a table grew since. */
  boolean restore(Instance instance) {
    Memory linear = instance.memory();
    if (linear != null && linear.pages() != pages) return false;
    for (int t = 0; t < tableRefs.length; t++) if (instance.table(t).size() != tableRefs[t].length) return false;
    if (linear != null) linear.write(0, memory);
    for (int i = 0; i < globals.length; i++) {
      GlobalInstance global = instance.global(globals[i]);
      global.setValueLow(low[i]);
      global.setValueHigh(high[i]);
    }
    for (int t = 0; t < tableRefs.length; t++) {
      TableInstance table = instance.table(t);
      for (int i = 0; i < tableRefs[t].length; i++) {
        if (table.ref(i) != tableRefs[t][i] || table.instance(i) != tableInstances[t][i])
          table.setRef(i, tableRefs[t][i], tableInstances[t][i]);
      }
    }
    return true;
  }
}
