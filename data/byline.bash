# bash completion for byline.  Commands and options are read from the
# program's own --help, so completion never disagrees with the program.

_byline_options ()
{
    "$1" ${2:+"$2"} --help 2>/dev/null |
        grep -o -E -- '(^|[ ,])--?[A-Za-z][A-Za-z-]*=?' | tr -d ' ,' | sort -u
}

_byline ()
{
    local cur prev words cword
    _init_completion -s 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
    local prog=${words[0]} cmd= i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done
    local commands
    commands=$("$prog" --help 2>/dev/null | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
    case $cmd in
        "" | show | index | list | search | reprints | diff) ;;
        *) cmd= ;;
    esac

    case $prev in
        -C | --collection) compopt -o dirnames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --index) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return ;;
        --sort) COMPREPLY=($(compgen -W 'date outlet headline words versions' -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_byline_options "$prog" "$cmd")" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur") $(compgen -d -- "$cur"))
        return
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _byline byline
