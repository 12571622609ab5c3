package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class InventoryParserTest {

    static final Path DIR = Path.of("src/test/resources/exposure");
    final InventoryParser parser = new InventoryParser(ExposureSettings.defaults());

    static byte[] file(String name) throws IOException {
        return Files.readAllBytes(DIR.resolve(name));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Qwen/Qwen2.5-7B                                         | huggingface | Qwen/Qwen2.5-7B
            hf:Qwen/Qwen2.5-7B                                      | huggingface | Qwen/Qwen2.5-7B
            https://huggingface.co/Qwen/Qwen2.5-7B                  | huggingface | Qwen/Qwen2.5-7B
            https://huggingface.co/Qwen/Qwen2.5-7B/tree/main?x=1    | huggingface | Qwen/Qwen2.5-7B
            openrouter:qwen/qwen3-8b                                | openrouter  | qwen/qwen3-8b
            https://openrouter.ai/qwen/qwen3-8b                     | openrouter  | qwen/qwen3-8b
            ollama:gemma3:4b                                        | ollama      | gemma3:4b
            gemma3:4b                                               | ollama      | gemma3:4b
            modelscope:Qwen/Qwen2.5-7B                              | modelscope  | Qwen/Qwen2.5-7B
            https://modelscope.cn/models/Qwen/Qwen2.5-7B            | modelscope  | Qwen/Qwen2.5-7B
            https://ollama.com/library/gemma3                       | ollama      | gemma3
            pkg:huggingface/Qwen/Qwen2.5-7B@abc123                  | huggingface | Qwen/Qwen2.5-7B
            pkg:huggingface/Qwen%2FQwen2.5-7B                       | huggingface | Qwen/Qwen2.5-7B
            gemma3                                                  | null        | gemma3
            """)
    void referenceForms(String raw, String hub, String id) {
        ModelRef ref = References.parse(raw);
        assertThat(ref.hub()).isEqualTo(hub);
        assertThat(ref.id()).isEqualTo(id);
    }

    @Test
    void purlKeepsTheCommit() {
        assertThat(References.purl("pkg:huggingface/microsoft/phi-4@a1b2c3d4?repository_url=https://hf.example"))
                .isEqualTo(new ModelRef("huggingface", "microsoft/phi-4", "a1b2c3d4"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <script>alert(1)</script>
            https://evil.example/Qwen/Qwen2.5-7B
            pkg:npm/left-pad@1.0.0
            hf:not a repo
            ../../etc/passwd
            """)
    void hostileReferencesAreRejectedWithAReason(String raw) {
        assertThatThrownBy(() -> References.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void csv_quotedFieldsAndDuplicates() throws IOException {
        Inventory inv = parser.parse("inventory.csv", file("inventory.csv"));
        assertThat(inv.format()).isEqualTo("csv");
        assertThat(inv.errors()).isEmpty();
        // 7 data rows, rows 3 and 7 name the same repo (case differs) in the same unit → 6 items
        assertThat(inv.items()).extracting(InventoryItem::row).containsExactly(2, 3, 4, 5, 6, 8);
        InventoryItem qwen = inv.items().get(1);
        assertThat(qwen.ref()).isEqualTo(new ModelRef("huggingface", "Qwen/Qwen3-32B-GGUF"));
        assertThat(qwen.weight()).isEqualTo(5.0);
        assertThat(inv.items().get(2).businessUnit()).isEqualTo("Research, Europe");
        assertThat(inv.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Problem.WARNING);
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).contains("Rows 3, 7").contains("merged").contains("3 + 2 = 5");
        });
    }

    @Test
    void csv_malformedRowsAreRowErrors_goodRowsKept() throws IOException {
        Inventory inv = parser.parse("malformed.csv", file("malformed.csv"));
        assertThat(inv.items())
                .extracting(i -> i.ref().id())
                .containsExactly("Qwen/Qwen3-32B-GGUF", "Djrango/Qwen2vl-Flux");
        assertThat(inv.items().get(1).businessUnit()).isEqualTo("Marketing \"creative\", EU");
        assertThat(inv.errors()).extracting(Problem::row).containsExactly(3, 4, 5, 7, 8);
        assertThat(inv.errors().get(0).message())
                .contains("Row 3")
                .contains("4 columns")
                .contains("header has 3");
        assertThat(inv.errors().get(1).message()).contains("weight 'lots' is not a number");
        assertThat(inv.errors().get(2).message()).contains("negative");
        assertThat(inv.errors().get(3).message()).contains("unrecognised model reference");
        assertThat(inv.errors().get(4).message()).contains("never closed");
        assertThat(inv.errors()).allSatisfy(p -> assertThat(p.message()).contains("row skipped"));
    }

    @Test
    void csv_semicolonsHeaderAliasesAndDefaults() {
        Inventory inv = parser.parse(
                "x.csv",
                utf8("\uFEFFModel ID;Unit;Usage Weight;owner\nQwen/Qwen3-32B-GGUF;Eng;2.5;bob\ngemma3:4b;;;\n"));
        assertThat(inv.items())
                .containsExactly(
                        new InventoryItem(
                                2,
                                "Qwen/Qwen3-32B-GGUF",
                                new ModelRef("huggingface", "Qwen/Qwen3-32B-GGUF"),
                                "Eng",
                                2.5),
                        new InventoryItem(3, "gemma3:4b", new ModelRef("ollama", "gemma3:4b"), null, 1.0));
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.message()).contains("owner"));
    }

    @Test
    void csv_weightRules() {
        assertThat(InventoryParser.weight(" 0 ")).isZero();
        assertThat(InventoryParser.weight("1e3")).isEqualTo(1000.0);
        for (String bad : List.of("NaN", "Infinity", "0x1p3", "1,5", "-2", "1e999")) {
            assertThatThrownBy(() -> InventoryParser.weight(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void csv_withoutHeader_isAnUnknownFormat() {
        assertThatThrownBy(() -> parser.parse("inv.csv", utf8("Qwen/Qwen3-32B-GGUF,Eng,3\n")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("Unknown format")
                .hasMessageContaining("model column");
    }

    @Test
    void cycloneDxJson_modelsNestedAndPurls() throws IOException {
        Inventory inv = parser.parse("bom.json", file("inventory.cdx.json"));
        assertThat(inv.format()).isEqualTo("cyclonedx-json");
        assertThat(inv.errors()).isEmpty();
        assertThat(inv.items())
                .extracting(i -> i.ref().toString())
                .containsExactly(
                        "huggingface:unsloth/DeepSeek-R1-0528-GGUF",
                        "huggingface:Qwen/Qwen3-32B-GGUF",
                        "huggingface:nvidia/Llama-3.1-Nemotron-70B-Instruct-HF@fac73d3507320ec1258620423469b4b38f88df6e",
                        "huggingface:mistralai/Mistral-7B-Instruct-v0.2",
                        "huggingface:Djrango/Qwen2vl-Flux@bfd2c8ee3cf808bb62ab6a42c729453c07db9cca",
                        "huggingface:acme-internal/secret-model-7b");
        // the nested library with a HF purl (component 8) was merged into component 2
        assertThat(inv.items().get(1).weight()).isEqualTo(5.0);
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.message()).contains("Components 2, 8"));
        assertThat(inv.problems())
                .anySatisfy(p -> assertThat(p.message()).contains("2 component(s) of other types were ignored"));
    }

    @Test
    void cycloneDxXml_equalsJson() throws IOException {
        Inventory json = parser.parse("bom.json", file("inventory.cdx.json"));
        Inventory xml = parser.parse("bom.xml", file("inventory.cdx.xml"));
        assertThat(xml.format()).isEqualTo("cyclonedx-xml");
        assertThat(xml.items()).isEqualTo(json.items());
        assertThat(xml.problems()).isEqualTo(json.problems());
    }

    @Test
    void xxe_isRefused() throws IOException {
        assertThatThrownBy(() -> parser.parse("xxe.xml", file("xxe.xml")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughs_isRefused() throws IOException {
        assertThatThrownBy(() -> parser.parse("bom.xml", file("billion-laughs.xml")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void xinclude_isNotProcessed() throws IOException {
        Inventory inv = parser.parse("bom.xml", file("xinclude.xml"));
        assertThat(inv.items()).singleElement().satisfies(i -> {
            assertThat(i.ref().id()).isEqualTo("Qwen/Qwen3-32B-GGUF");
            assertThat(i.reference()).doesNotContain("root:");
        });
    }

    @Test
    void oversizeFile_isRefusedBeforeParsing() {
        byte[] big = new byte[(int) ExposureSettings.DEFAULT_MAX_FILE_SIZE.toBytes() + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> parser.parse("big.csv", big))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("limit is 5.0 MB");
    }

    @Test
    void tooManyComponents_isRefused() {
        InventoryParser small = new InventoryParser(new ExposureSettings(DataSize.ofKilobytes(64), 3, 0, 0));
        assertThatThrownBy(() -> small.parse("x.csv", utf8("model\na/b\na/c\na/d\na/e\n")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("limit is 3 components");
        String bom = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"application","name":"x","components":[
                {"type":"library","name":"a"},{"type":"library","name":"b"},{"type":"library","name":"c"}]}]}""";
        assertThatThrownBy(() -> small.parse("x.json", utf8(bom)))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("more than 3 components");
    }

    @Test
    void unknownAndBrokenFormats_giveClearMessages() {
        assertThatThrownBy(() -> parser.parse("x.txt", utf8("just some text\nno header here\n")))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("Unknown format");
        assertThatThrownBy(() -> parser.parse("x.json", utf8("[1,2]")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("JSON array");
        assertThatThrownBy(() -> parser.parse("x.json", utf8("{\"spdxVersion\":\"SPDX-2.3\"}")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("not a CycloneDX BOM");
        assertThatThrownBy(() -> parser.parse("x.json", utf8("{\"bomFormat\":\"CycloneDX\",")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("Not valid JSON");
        assertThatThrownBy(() -> parser.parse("x.xml", utf8("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("not a CycloneDX <bom>");
        assertThatThrownBy(() ->
                        parser.parse("x.xml", utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("Not well-formed XML");
        assertThatThrownBy(() ->
                        parser.parse("x.csv", new byte[] {'m', 'o', 'd', 'e', 'l', '\n', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> parser.parse("x.bin", new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> parser.parse("x.csv", new byte[0]))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void deepJsonNesting_isAnErrorNotACrash() {
        String deep = "{\"bomFormat\":\"CycloneDX\",\"components\":"
                + "[{\"type\":\"application\",\"components\":".repeat(3000) + "[]" + "}]".repeat(3000) + "}";
        assertThatThrownBy(() -> parser.parse("x.json", utf8(deep))).isInstanceOf(InventoryException.class);
        // (every component named: the 1.6 schema requires a name, so the old nameless fixture is now invalid)
        String deepXml = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
                + "<component type=\"application\"><name>a</name><components>".repeat(100)
                + "</components></component>".repeat(100) + "</components></bom>";
        Inventory inv = parser.parse("x.xml", utf8(deepXml));
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.message()).contains("nested more than"));
    }

    @Test
    void extensionContradictingContent_isAWarning() throws IOException {
        Inventory inv = parser.parse("inventory.json", file("inventory.csv"));
        assertThat(inv.format()).isEqualTo("csv");
        assertThat(inv.problems()).anySatisfy(p -> {
            assertThat(p.row()).isZero();
            assertThat(p.message()).contains("read as csv");
        });
    }

    @Test
    void cycloneDx17_mlBomWithModelCard_noVersionWarning() throws IOException {
        for (String name : List.of("ml-bom-1.7.cdx.json", "ml-bom-1.7.cdx.xml")) {
            Inventory inv = parser.parse(name, file(name));
            assertThat(inv.errors()).as(name).isEmpty();
            assertThat(inv.problems())
                    .as(name)
                    .noneSatisfy(p -> assertThat(p.message()).contains("1.7"));
            assertThat(inv.items()).as(name).singleElement().satisfies(i -> {
                assertThat(i.ref()).isEqualTo(new ModelRef("huggingface", "Qwen/Qwen3-32B-GGUF"));
                assertThat(i.weight()).isEqualTo(3.0);
                assertThat(i.businessUnit()).isEqualTo("Engineering");
                assertThat(i.modelCard())
                        .isEqualTo(new DeclaredModelCard(
                                "self-supervised",
                                "text-generation",
                                "transformer",
                                "Qwen3ForCausalLM",
                                List.of("web-corpus")));
            });
            assertThat(inv.items().getFirst().modelCard().summary())
                    .isEqualTo(
                            "BOM model card: task text-generation, "
                                    + "approach self-supervised, architecture transformer, model architecture Qwen3ForCausalLM, datasets web-corpus");
            assertThat(inv.problems())
                    .as(name)
                    .anySatisfy(p -> assertThat(p.message()).contains("1 component(s) of other types"));
        }
    }

    @ParameterizedTest
    @CsvSource({"1.4", "1.5", "1.6", "1.7"})
    void cycloneDx14to17_areAccepted(String version) {
        // a library with a Hugging Face purl: machine-learning-model exists only from 1.5 on
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"" + version + "\",\"version\":1,\"components\":["
                + "{\"type\":\"library\",\"name\":\"qwen\",\"purl\":\"pkg:huggingface/Qwen/Qwen3-32B-GGUF\"}]}";
        String xml = "<bom xmlns=\"http://cyclonedx.org/schema/bom/" + version + "\" version=\"1\"><components>"
                + "<component type=\"library\"><name>qwen</name><purl>pkg:huggingface/Qwen/Qwen3-32B-GGUF</purl></component>"
                + "</components></bom>";
        for (Inventory inv : List.of(parser.parse("x.json", utf8(json)), parser.parse("x.xml", utf8(xml)))) {
            assertThat(inv.problems()).as(inv.format() + " " + version).isEmpty();
            assertThat(inv.items()).extracting(i -> i.ref().id()).containsExactly("Qwen/Qwen3-32B-GGUF");
        }
    }

    @Test
    void invalidBom_isRefusedNamingTheFirstSchemaErrors() {
        // was: read leniently (a component without a name became a component error, an unknown type was skipped)
        String json = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                {"type":"machine-learning-model","purl":"pkg:huggingface/Qwen/Qwen3-32B-GGUF"},
                {"type":"ai-thing","name":"x"}]}""";
        assertThatThrownBy(() -> parser.parse("x.json", utf8(json)))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("The BOM is not valid CycloneDX 1.6")
                .hasMessageContaining("$.components[0]")
                .hasMessageContaining("name")
                .hasMessageContaining("$.components[1].type");
        String xml = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.7\"><components>\n"
                + "<component type=\"machine-learning-model\"><purl>pkg:huggingface/Qwen/Qwen3-32B-GGUF</purl></component>"
                + "</components></bom>";
        assertThatThrownBy(() -> parser.parse("x.xml", utf8(xml)))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("The BOM is not valid CycloneDX 1.7")
                .hasMessageContaining("line 2");
    }

    @Test
    void unsupportedOrMissingSpecVersion_isRefused() {
        // was: a warning ("read as 1.6, check the result")
        assertThatThrownBy(() -> parser.parse(
                        "x.json", utf8("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.3\",\"components\":[]}")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("CycloneDX 1.3 is not supported")
                .hasMessageContaining("1.4–1.7");
        assertThatThrownBy(() -> parser.parse("x.json", utf8("{\"bomFormat\":\"CycloneDX\",\"components\":[]}")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("declares no specVersion");
        assertThatThrownBy(() -> parser.parse("x.xml", utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/2.0\"/>")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("CycloneDX 2.0 is not supported");
    }

    @Test
    void csv_brokenQuoteMidFile_isOneRowError_readingGoesOn() {
        Inventory inv = parser.parse("x.csv", utf8("model,unit\n\"a/b\" x,Eng\nc/d,\"multi\nline\"\ne/f,Ops\n"));
        assertThat(inv.errors()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).contains("text after a closing quote");
        });
        // the quoted line break keeps "multi\nline" one spreadsheet row (3), so e/f is row 4
        assertThat(inv.items())
                .extracting(InventoryItem::row, InventoryItem::businessUnit)
                .containsExactly(tuple(3, "multi\nline"), tuple(4, "Ops"));
    }

    @Test
    void xmlModelCardTheLibraryCannotBind_isAWarning_modelStillRead() throws IOException {
        String xml = new String(file("ml-bom-1.7.cdx.xml"), StandardCharsets.UTF_8)
                .replace(
                        "<datasets><dataset><type>dataset</type><name>web-corpus</name></dataset></datasets>",
                        "<datasets><ref>training-data</ref></datasets>");
        Inventory inv = parser.parse("bom.xml", utf8(xml));
        assertThat(inv.items())
                .singleElement()
                .satisfies(i -> assertThat(i.modelCard()).isNull());
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.message()).contains("model cards could not be read"));
    }
}
