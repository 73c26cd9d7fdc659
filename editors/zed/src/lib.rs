//! Registers the Shipshape language server with Zed. The server itself is the npm package's
//! `shipshape-language-server` bin (`npm install -g shipshape`): Zed starts it over stdio for
//! Dockerfiles and YAML files. `"lsp": { "shipshape": { "binary": { "path": ..., "arguments": [...] } } }`
//! in Zed's settings points it at another executable (a clone's `node dist/server.js`, for instance).

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER_BIN: &str = "shipshape-language-server";

struct ShipshapeExtension;

impl zed::Extension for ShipshapeExtension {
    fn new() -> Self {
        ShipshapeExtension
    }

    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured_path = binary.as_ref().and_then(|binary| binary.path.clone());
        let command = match configured_path.or_else(|| worktree.which(SERVER_BIN)) {
            Some(path) => path,
            None => {
                return Err(format!(
                    "{SERVER_BIN} was not found on PATH: install it with `npm install -g shipshape`, \
                     or set lsp.shipshape.binary.path in Zed's settings"
                ))
            }
        };
        let args = binary
            .as_ref()
            .and_then(|binary| binary.arguments.clone())
            .unwrap_or_else(|| vec!["--stdio".to_string()]);
        // The user's shell environment, so that a Node installed by nvm, fnm or asdf is found.
        let mut env = worktree.shell_env();
        if let Some(extra) = binary.and_then(|binary| binary.env) {
            env.extend(extra);
        }
        Ok(zed::Command { command, args, env })
    }

    /// The server asks `workspace/configuration` for the `shipshape` section (the shape of the
    /// VS Code setting `shipshape.rules`): it comes from `lsp.shipshape.settings` in Zed's settings.
    fn language_server_workspace_configuration(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "shipshape": settings })))
    }
}

zed::register_extension!(ShipshapeExtension);
