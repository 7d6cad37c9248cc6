package dev.ltb.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.plugin.PluginException;
import org.junit.jupiter.api.Test;

class KernelMemoryTest {

  private final KernelMemory memory = new KernelMemory("p", 1024);

  @Test
  void blocksStartAfterTheNullOffsetAndKnowTheirLength() {
    long first = memory.alloc(3);
    long second = memory.alloc(10);

    assertThat(first).isEqualTo(8);
    assertThat(second).isEqualTo(16);
    assertThat(memory.length(first)).isEqualTo(3);
    assertThat(memory.length(second)).isEqualTo(10);
    assertThat(memory.length(first + 1)).as("no block starts there").isZero();
    assertThat(memory.length(0)).isZero();
  }

  @Test
  void storesAndLoadsLittleEndian() {
    long block = memory.alloc(16);
    memory.storeU64(block, 0x0102030405060708L);
    memory.storeU8(block + 8, 0xff);

    assertThat(memory.loadU8(block)).isEqualTo(0x08);
    assertThat(memory.loadU64(block)).isEqualTo(0x0102030405060708L);
    assertThat(memory.loadU8(block + 8)).isEqualTo(0xff);
    assertThat(memory.readBlock(block)).hasSize(16);
  }

  @Test
  void freeingTheLastBlockGivesItsSpaceBack() {
    long block = memory.alloc(100);
    memory.free(block);

    assertThat(memory.alloc(100)).isEqualTo(block);
  }

  @Test
  void refusesToGrowPastItsLimit() {
    memory.alloc(1000);

    assertThatThrownBy(() -> memory.alloc(100))
        .isInstanceOf(PluginException.MemoryLimit.class)
        .hasMessage(
            "plugin p tried to allocate 100 bytes of Extism memory with 1000 in use, over its limit of 1024 bytes"
                + " (limits.memoryPages in plugin.json sets it)");
  }

  @Test
  void trapsOnAccessOutsideItsBlocks() {
    long block = memory.alloc(8);

    assertThatThrownBy(() -> memory.loadU64(block + 4))
        .isInstanceOf(PluginException.Trap.class)
        .hasMessage(
            "plugin p made an invalid Extism call: access to Extism memory at offset 12 (+8) outside its allocated"
                + " blocks");
    assertThatThrownBy(() -> memory.storeU8(0, 1)).isInstanceOf(PluginException.Trap.class);
    assertThatThrownBy(() -> memory.alloc(-1)).isInstanceOf(PluginException.Trap.class);
  }

  @Test
  void resetFreesEverything() {
    memory.alloc(500);
    memory.reset();

    assertThat(memory.used()).isZero();
    assertThat(memory.alloc(1000)).isEqualTo(8);
  }
}
