package org.weightscope.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.ModelSearch;
import org.weightscope.storage.StorageException;

/**
 * A failing store is a 503 with a generic message (the detail goes to the log only); any other failure a
 * generic 500. No server and no Elasticsearch: the catalogue's services are stand-ins that throw.
 */
class StoreFailureTest {

    final AdoptionService adoption = mock(AdoptionService.class);
    final ModelSearch search = mock(ModelSearch.class);
    final AttributionRules rules = mock(AttributionRules.class);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new ApiController(search, rules),
                    new AdoptionController(adoption, mock(org.weightscope.catalogue.AnchorMetrics.class)))
            .setControllerAdvice(new ApiErrors())
            .build();

    @Test
    void storeFailureIsA503WithoutItsDetail() throws Exception {
        when(adoption.asOf(any(Adoption.Query.class), any()))
                .thenThrow(new StorageException(
                        "search of models failed",
                        new IOException(
                                "Connection refused: Elasticsearch at 127.0.0.1:9200, index weightscope-models")));
        MvcResult r = mvc.perform(get("/api/v1/adoption?by=origin")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        String body = r.getResponse().getContentAsString();
        assertThat(body).contains("\"error\"").contains("unavailable");
        assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("elasticsearch", "refused", "exception", "9200");
    }

    @Test
    void storeFailureOnAModelLookupIsA503Too() throws Exception {
        when(search.find(anyString(), anyString()))
                .thenThrow(new StorageException("get of models failed", new IOException("Connection reset")));
        MvcResult r =
                mvc.perform(get("/api/v1/models/hf/Qwen/Qwen2.5-7B-Instruct")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsAGeneric500() throws Exception {
        when(search.search(any(ModelSearch.Query.class))).thenThrow(new IllegalStateException("bug at line 42"));
        MvcResult r = mvc.perform(get("/api/v1/models")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(500);
        assertThat(r.getResponse().getContentAsString()).doesNotContain("bug at line 42", "IllegalState");
    }
}
