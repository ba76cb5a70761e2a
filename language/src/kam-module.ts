import {
    inject, type DeepPartial, type LangiumCompletionParser, type Module,
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { KamGeneratedModule, KamGeneratedSharedModule } from './generated/module.js';
import { KamScopeComputation } from './workspace/kam-scope-computation.js';
import { PlanAnalyzer } from './analysis/plan-analyzer.js';
import { ReviewSettingsHolder } from './analysis/review-settings.js';
import { ReviewBaseline } from './plan-diff/review-baseline.js';
import { PortfolioConfig } from './workspace/portfolio-config.js';
import { KamWorkspaceManager } from './workspace/kam-workspace-manager.js';
import { KamDocumentBuilder } from './workspace/kam-document-builder.js';
import { KamLangiumDocuments } from './workspace/kam-langium-documents.js';
import { KamScopeProvider } from './workspace/kam-scope-provider.js';
import { KamReferenceDescriptionProvider } from './workspace/kam-reference-descriptions.js';
import { KamAstNodeDescriptionProvider } from './workspace/kam-ast-descriptions.js';
import { KamLinker } from './workspace/kam-linker.js';
import { KamServiceRegistry } from './workspace/kam-service-registry.js';
import { KamReferences } from './workspace/kam-references.js';
import { registerKamValidationChecks, KamValidator } from './validation/kam-validator.js';
import { KamDocumentValidator } from './validation/kam-document-validator.js';
import { KamInlayHintProvider } from './lsp/kam-inlay-hints.js';
import { KamHoverProvider } from './lsp/kam-hover.js';
import { KamCompletionProvider } from './lsp/kam-completion.js';
import { KamFormatter } from './lsp/kam-formatter.js';
import { KamCodeLensProvider } from './lsp/kam-code-lens.js';
import { KamSemanticTokenProvider } from './lsp/kam-semantic-tokens.js';
import { KamDocumentSymbolProvider } from './lsp/kam-document-symbols.js';
import { KamNodeKindProvider } from './lsp/kam-node-kinds.js';
import { KamCodeActionProvider } from './lsp/kam-code-actions.js';
import { KamCommandHandler } from './lsp/kam-commands.js';
import { KamRenameProvider } from './lsp/kam-rename.js';
import { KamDocumentUpdateHandler } from './lsp/kam-document-update-handler.js';
import { KamLangiumDocumentFactory } from './workspace/kam-document-factory.js';
import { createKamParser, lazyCompletionParser } from './syntax/kam-parser.js';
import { KamValueConverter } from './syntax/kam-value-converter.js';
import { KamTokenBuilder } from './syntax/kam-token-builder.js';
import { KamLexer } from './syntax/kam-lexer.js';
import { KamLexerErrorMessageProvider, KamParserErrorMessageProvider } from './syntax/syntax-messages.js';

/** Services added by the KAM language on top of Langium's. */
export type KamAddedServices = {
    analysis: {
        PlanAnalyzer: PlanAnalyzer;
        ReviewSettings: ReviewSettingsHolder;
        /** Where each account stood at the last review (set by the language server from git). */
        ReviewBaseline: ReviewBaseline;
    };
    validation: {
        KamValidator: KamValidator;
    };
    portfolio: {
        /** Each plan's kam.config.json, read the same way by the server and the CLI. */
        PortfolioConfig: PortfolioConfig;
    };
};

export type KamServices = LangiumServices & KamAddedServices;

export const KamModule: Module<KamServices, PartialLangiumServices & KamAddedServices> = {
    workspace: {
        ReferenceDescriptionProvider: (services) => new KamReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: (services) => new KamAstNodeDescriptionProvider(services),
    },
    parser: {
        LangiumParser: (services) => createKamParser(services),
        CompletionParser: (services) => lazyCompletionParser(services) as LangiumCompletionParser,
        ParserErrorMessageProvider: (services) => new KamParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new KamLexerErrorMessageProvider(),
        ValueConverter: () => new KamValueConverter(),
        TokenBuilder: () => new KamTokenBuilder(),
        Lexer: (services) => new KamLexer(services),
    },
    references: {
        ScopeComputation: (services) => new KamScopeComputation(services),
        ScopeProvider: (services) => new KamScopeProvider(services),
        Linker: (services) => new KamLinker(services),
        References: (services) => new KamReferences(services),
    },
    analysis: {
        PlanAnalyzer: (services) => new PlanAnalyzer(services),
        ReviewSettings: () => new ReviewSettingsHolder(),
        ReviewBaseline: () => new ReviewBaseline(),
    },
    validation: {
        KamValidator: (services) => new KamValidator(services),
        DocumentValidator: (services) => new KamDocumentValidator(services),
    },
    portfolio: {
        PortfolioConfig: (services) => new PortfolioConfig(services.shared, services.analysis.ReviewSettings),
    },
    lsp: {
        InlayHintProvider: (services) => new KamInlayHintProvider(services),
        HoverProvider: (services) => new KamHoverProvider(services),
        CompletionProvider: (services) => new KamCompletionProvider(services),
        Formatter: () => new KamFormatter(),
        CodeLensProvider: (services) => new KamCodeLensProvider(services),
        SemanticTokenProvider: (services) => new KamSemanticTokenProvider(services),
        DocumentSymbolProvider: (services) => new KamDocumentSymbolProvider(services),
        CodeActionProvider: (services) => new KamCodeActionProvider(services),
        RenameProvider: (services) => new KamRenameProvider(services),
    },
};

/** Shared services the KAM language customises: what kind of symbol each element is. */
export const KamSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ServiceRegistry: (services) => new KamServiceRegistry(services),
    lsp: {
        NodeKindProvider: () => new KamNodeKindProvider(),
        DocumentUpdateHandler: (services) => new KamDocumentUpdateHandler(services),
    },
    workspace: {
        WorkspaceManager: (services) => new KamWorkspaceManager(services),
        DocumentBuilder: (services) => new KamDocumentBuilder(services),
        LangiumDocuments: (services) => new KamLangiumDocuments(services),
        LangiumDocumentFactory: (services) => new KamLangiumDocumentFactory(services),
    },
};

/** The commands the server runs itself (for editors other than VS Code); only with an editor connected. */
export const KamCommandsModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    lsp: {
        ExecuteCommandHandler: (services) => new KamCommandHandler(services),
    },
};

export function createKamServices(context: DefaultSharedModuleContext, extra?: Module<KamServices, DeepPartial<KamServices>>): {
    shared: LangiumSharedServices;
    Kam: KamServices;
} {
    const shared = context.connection
        ? inject(createDefaultSharedModule(context), KamGeneratedSharedModule, KamSharedModule, KamCommandsModule)
        : inject(createDefaultSharedModule(context), KamGeneratedSharedModule, KamSharedModule);
    const Kam = inject(createDefaultModule({ shared }), KamGeneratedModule, KamModule, extra ?? {});
    shared.ServiceRegistry.register(Kam);
    registerKamValidationChecks(Kam);
    // Created now: it must see the first build's documents to find their kam.config.json.
    void Kam.portfolio.PortfolioConfig;
    if (!context.connection) {
        // Without a language client nothing sends configuration: the defaults (or the CLI's settings) apply.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Kam };
}
