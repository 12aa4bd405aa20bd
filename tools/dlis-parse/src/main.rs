//! dlis-parse FILE... : prints {"files": [...]} with the declarations of each `.d.lis` file,
//! parsed by lis's own parser (see lib.rs for the form). `-` reads more paths from stdin, one a
//! line. `--pretty` indents. Exit 1 when a file cannot be read or has parse errors (the JSON is
//! printed all the same; each file lists its `parse_errors`).
use std::io::{BufRead, Write};

fn main() {
    let mut pretty = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                println!("usage: dlis-parse [--pretty] FILE.d.lis... (- reads paths from stdin)");
                return;
            }
            "-" => {
                for line in std::io::stdin().lock().lines() {
                    let line = line.expect("reading paths from stdin");
                    if !line.trim().is_empty() {
                        paths.push(line.trim().to_string());
                    }
                }
            }
            _ => paths.push(arg),
        }
    }
    let files: Vec<serde_json::Value> = paths.iter().map(|p| dlis_parse::parse_path(p)).collect();
    let failed = files
        .iter()
        .any(|f| f["parse_errors"].as_array().is_some_and(|e| !e.is_empty()));
    let out = serde_json::json!({ "files": files });
    let text = if pretty {
        serde_json::to_string_pretty(&out)
    } else {
        serde_json::to_string(&out)
    }
    .expect("JSON");
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).and_then(|_| stdout.write_all(b"\n")).expect("stdout");
    std::process::exit(if failed { 1 } else { 0 });
}
