package dev.ltb.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * A parsed module and its compiled machine, shared by every plugin loaded with the same content hash.
 *
 * @param sha256 the module's content hash
 * @param module the parsed module
 * @param machineFactory runs its code: JVM bytecode compiled at build time or at load, never the interpreter
 *     unless a function is too large for the JVM (Chicory then warns and interprets that one function)
 * @param aheadOfTime true when compiled at build time
 */
record PreparedModule(String sha256, WasmModule module, Function<Instance, Machine> machineFactory, boolean aheadOfTime) {}
