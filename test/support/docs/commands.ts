// The commands a shell block runs, as a reader would name them ("npm start", "npm run",
// "curl"): each command of each line (joined at trailing backslashes, split at &&, ||, ;
// and |, comments and leading VAR=value assignments dropped, a $(...) read for the command
// inside), by its program and the plain words after it, up to three.

export function commandsOf(text: string): string[] {
  const commands = new Set<string>();
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const line of lines) {
    const code = line.replace(/(^|\s)#.*$/, '').replace(/<<'?\w+'?/, '');
    for (let segment of code.split(/&&|\|\||;|\|/)) {
      // NAME=$(command …): the command inside; other leading assignments are dropped.
      const substituted = /^\s*(?:export\s+)?[A-Za-z_]\w*=\$\((.*?)\)?\s*$/.exec(segment);
      if (substituted) segment = substituted[1];
      segment = segment.replace(/^\s*(?:export\s+)?(?:[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)\s*)*/, '');
      const words = segment.trim().split(/\s+/).filter(Boolean);
      if (!words.length || !/^[a-z][\w.-]*$/.test(words[0])) continue;
      const name = [words[0]];
      for (const word of words.slice(1, 3)) {
        if (!/^[a-z][a-z0-9:_-]*$/.test(word)) break;
        name.push(word);
      }
      commands.add(name.join(' '));
    }
  }
  return [...commands];
}
