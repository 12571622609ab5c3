package org.weightscope.source;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.weightscope.source.huggingface.HuggingFaceSource;
import org.weightscope.source.modelscope.ModelScopeSource;
import org.weightscope.source.ollama.OllamaSource;
import org.weightscope.source.openrouter.OpenRouter;
import org.weightscope.source.openrouter.OpenRouterSource;

/** The hubs with code of their own; every other definition file is crawled by its {@code listing:} alone. */
@Configuration(proxyBeanMethods = false)
class HubCrawlers {

    @Bean
    HubCrawler huggingFace() {
        return hub(HuggingFaceSource.ID, HuggingFaceSource::new);
    }

    @Bean
    HubCrawler modelScope() {
        return hub(ModelScopeSource.HUB, d -> new ModelScopeSource(d, Fetcher.of(d)));
    }

    @Bean
    HubCrawler ollama() {
        return hub(OllamaSource.HUB, d -> new OllamaSource(d, Fetcher.of(d)));
    }

    /**
     * The Data API key is read from the environment or a Spring property of that name, when usage is crawled;
     * the app's one clock decides which complete days are asked for.
     */
    @Bean
    HubCrawler openRouter(Environment environment, Clock clock) {
        return hub(
                OpenRouter.HUB,
                d -> new OpenRouterSource(
                        d, Fetcher.of(d), () -> environment.getProperty(OpenRouter.API_KEY_ENV), clock));
    }

    private static HubCrawler hub(String id, java.util.function.Function<SourceDefinition, CrawlSource> create) {
        return new HubCrawler() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public CrawlSource create(SourceDefinition definition) {
                return create.apply(definition);
            }
        };
    }
}
