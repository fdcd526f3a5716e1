%% Damaged .beam files for tests/loader/bad_input.sh. Compiles
%% tests/loader/sample.erl and writes variants of its .beam into
%% Dir/beam_corrupt/, named CLASS-what.beam:
%%   good-*  must load (exit 0, nothing on stderr)
%%   fail-*  must be refused with exactly one line "kbeam: FILE: problem"
%%   any-*   may load or be refused (a renamed optional chunk is just
%%           skipped), but never crash
-module(beam_corrupt).
-export([main/1]).

main(Dir) ->
    Out = filename:join(Dir, "beam_corrupt"),
    ok = filelib:ensure_dir(filename:join(Out, "x")),
    [ok = file:delete(F) || F <- filelib:wildcard(filename:join(Out, "*.beam"))],
    {ok, sample, Beam} = compile:file("tests/loader/sample.erl", [binary, report_errors]),
    Variants = [{good, "intact", Beam}, {good, "gzip", zlib:gzip(Beam)}]
        ++ truncations(Beam) ++ header_flips(Beam) ++ magic(Beam) ++ sizes(Beam)
        ++ code(Beam) ++ literals(Beam) ++ atoms(Beam) ++ missing(Beam) ++ tables(Beam),
    [ok = file:write_file(filename:join(Out, lists:flatten([atom_to_list(C), $-, Name, ".beam"])), B)
     || {C, Name, B} <- Variants],
    io:format("~p variants~n", [length(Variants)]).

%% ---- the IFF container ----

%% [{Id, Offset, Size, Data}] with Offset of the chunk header in the file.
chunks(<<"FOR1", _:32, "BEAM", Rest/binary>>) -> chunks(Rest, 12).

chunks(<<Id:4/binary, Size:32, Rest/binary>>, Off) ->
    Pad = (4 - Size rem 4) rem 4,
    <<Data:Size/binary, _:Pad/binary, More/binary>> = Rest,
    [{binary_to_list(Id), Off, Size, Data} | chunks(More, Off + 8 + Size + Pad)];
chunks(<<>>, _) -> [].

build(Chunks) ->
    Body = << <<(list_to_binary(Id))/binary, (byte_size(D)):32, D/binary,
                (binary:copy(<<0>>, (4 - byte_size(D) rem 4) rem 4))/binary>>
              || {Id, D} <- Chunks >>,
    <<"FOR1", (byte_size(Body) + 4):32, "BEAM", Body/binary>>.

replace_chunk(Beam, Id, Fun) ->
    build([{I, if I =:= Id -> Fun(D); true -> D end} || {I, _, _, D} <- chunks(Beam)]).

chunk(Beam, Id) ->
    {Id, _, _, D} = lists:keyfind(Id, 1, chunks(Beam)),
    D.

set_byte(Bin, Pos, Byte) ->
    <<A:Pos/binary, _, B/binary>> = Bin,
    <<A/binary, Byte, B/binary>>.

flip(Bin, Pos) -> set_byte(Bin, Pos, binary:at(Bin, Pos) bxor 16#ff).

set32(Bin, Pos, V) ->
    <<A:Pos/binary, _:32, B/binary>> = Bin,
    <<A/binary, V:32, B/binary>>.

name(Fmt, Args) -> lists:flatten(io_lib:format(Fmt, Args)).

%% ---- the variants ----

truncations(Beam) ->
    Size = byte_size(Beam),
    Bounds = lists:append([[O - 1, O, O + 1, O + 8] || {_, O, _, _} <- chunks(Beam)]),
    Offsets = lists:usort([N || N <- lists:seq(0, 40) ++ lists:seq(41, Size - 1, 29) ++
                                    [Size - 1 | Bounds], N >= 0, N < Size]),
    [{fail, name("truncated-at-~b", [N]), binary:part(Beam, 0, N)} || N <- Offsets].

%% Each byte of each chunk header inverted: a changed size breaks the
%% container; a changed id hides the chunk, which only matters for the
%% chunks the code needs.
header_flips(Beam) ->
    [{if I < 4 -> any; true -> fail end, name("header-~s-byte~b", [Id, I]), flip(Beam, Off + I)}
     || {Id, Off, _, _} <- chunks(Beam), I <- lists:seq(0, 7)].

magic(Beam) ->
    Len = byte_size(Beam) - 8,
    [{fail, "magic-FOR2", set_byte(Beam, 3, $2)},
     {fail, "magic-BEAN", set_byte(Beam, 11, $N)},
     {fail, "magic-elf", <<16#7f, "ELF", (binary:part(Beam, 4, Len + 4))/binary>>},
     {fail, "form-size-plus-1", set32(Beam, 4, Len + 1)},
     {fail, "form-size-huge", set32(Beam, 4, 16#ffffffff)},
     {fail, "form-size-minus-4", set32(Beam, 4, Len - 4)},
     {fail, "empty-form", <<"FOR1", 4:32, "BEAM">>},
     {fail, "gzip-truncated", binary:part(zlib:gzip(Beam), 0, 100)}].

sizes(Beam) ->
    lists:append(
      [[{fail, name("size-~s-ffffffff", [Id]), set32(Beam, Off + 4, 16#ffffffff)},
        {fail, name("size-~s-7fffffff", [Id]), set32(Beam, Off + 4, 16#7fffffff)},
        {any, name("size-~s-plus-4", [Id]), set32(Beam, Off + 4, Size + 4)},
        {any, name("size-~s-zero", [Id]), set32(Beam, Off + 4, 0)}]
       || {Id, Off, Size, _} <- chunks(Beam)]).

%% The Code chunk: its header is 20 bytes; the first instruction is
%% label 1 (opcode 1, operand 16#10); the last byte is int_code_end.
code(Beam) ->
    Code = fun(F) -> replace_chunk(Beam, "Code", F) end,
    Last = fun(D) -> byte_size(D) - 1 end,
    [{fail, name("opcode-~b", [Op]), Code(fun(D) -> set_byte(D, 20, Op) end)}
     || Op <- [0, 14, 27, 181, 255]] ++
    [{fail, "int-code-end-missing", Code(fun(D) -> set_byte(D, Last(D), 200) end)},
     {fail, "int-code-end-early", Code(fun(D) -> set_byte(D, 20, 3) end)},
     {fail, "code-header-version", Code(fun(D) -> set32(D, 4, 1) end)},
     {fail, "code-header-max-opcode", Code(fun(D) -> set32(D, 8, 500) end)},
     {fail, "code-header-labels-few", Code(fun(D) -> set32(D, 12, 3) end)},
     {fail, "code-header-labels-huge", Code(fun(D) -> set32(D, 12, 16#7fffffff) end)},
     {fail, "code-header-functions", Code(fun(D) -> set32(D, 16, 2) end)},
     {fail, "code-header-subsize", Code(fun(D) -> set32(D, 0, 16#ffff) end)},
     {fail, "code-trailing-bytes", Code(fun(D) -> <<D/binary, 0, 0, 0, 0>> end)}] ++
    [{fail, name("operand-~2.16.0b", [B]), Code(fun(D) -> set_byte(D, 21, B) end)}
     || B <- [16#77, 16#67, 16#16, 16#07, 16#12, 16#13, 16#14, 16#15, 16#f0, 16#f8]].

literals(Beam) ->
    <<USize:32, Z/binary>> = chunk(Beam, "LitT"),
    <<N:32, Tab/binary>> = zlib:uncompress(Z),
    <<Len0:32, Lit0:Len0/binary, More/binary>> = Tab,
    Relit = fun(T) -> Raw = <<N:32, T/binary>>,
                      replace_chunk(Beam, "LitT", fun(_) -> <<(byte_size(Raw)):32, (zlib:compress(Raw))/binary>> end)
            end,
    ZFlips = lists:usort([P || P <- lists:seq(0, 31) ++ lists:seq(32, byte_size(Z) - 1, 7) ++
                                   [byte_size(Z) - I || I <- [1, 2, 3, 4]], P < byte_size(Z)]),
    [{fail, name("litt-zlib-byte~b", [P]), replace_chunk(Beam, "LitT", fun(D) -> flip(D, 4 + P) end)}
     || P <- ZFlips] ++
    [{fail, name("litt-usize-~b", [S]), replace_chunk(Beam, "LitT", fun(D) -> set32(D, 0, S) end)}
     || S <- [0, 3, USize - 1, USize + 1, 16#7fffffff, 16#ffffffff]] ++
    [{fail, "litt-bad-version", Relit(<<Len0:32, 132, (binary:part(Lit0, 1, Len0 - 1))/binary, More/binary>>)},
     {fail, "litt-bad-tag", Relit(<<Len0:32, 131, 255, (binary:part(Lit0, 2, Len0 - 2))/binary, More/binary>>)},
     {fail, "litt-short-term", Relit(<<(Len0 - 1):32, (binary:part(Lit0, 0, Len0 - 1))/binary, More/binary>>)},
     {fail, "litt-long-term", Relit(<<(Len0 + 1):32, Lit0/binary, 0, More/binary>>)},
     {fail, "litt-count", replace_chunk(Beam, "LitT", fun(_) -> Raw = <<(N + 1):32, Tab/binary>>,
                                                                 <<(byte_size(Raw)):32, (zlib:compress(Raw))/binary>> end)}].

atoms(Beam) ->
    A = fun(F) -> replace_chunk(Beam, "AtU8", F) end,
    <<Count:32, _/binary>> = chunk(Beam, "AtU8"),
    [{fail, "atoms-count-plus-1", A(fun(D) -> set32(D, 0, Count + 1) end)},
     {fail, "atoms-count-huge", A(fun(D) -> set32(D, 0, 16#7fffffff) end)},
     {fail, "atoms-count-zero", A(fun(D) -> set32(D, 0, 0) end)},
     {fail, "atoms-first-length", A(fun(D) -> set_byte(D, 4, 255) end)},
     {fail, "atoms-bad-utf8", A(fun(D) -> set_byte(D, 5, 16#ff) end)},
     {good, "atoms-module-renamed", A(fun(D) -> set_byte(D, 5, $S) end)}].

missing(Beam) ->
    Without = fun(Id) -> build([{I, D} || {I, _, _, D} <- chunks(Beam), I =/= Id]) end,
    [{fail, "missing-" ++ Id, Without(Id)} || Id <- ["Code", "AtU8", "ImpT", "ExpT", "StrT", "LitT", "FunT", "Type"]] ++
    [{good, "missing-" ++ Id, Without(Id)} || Id <- ["Line", "LocT", "Attr", "CInf", "Meta", "Dbgi"]] ++
    [{fail, "duplicate-Code", build([{I, D} || {I, _, _, D} <- chunks(Beam)] ++ [{"Code", chunk(Beam, "Code")}])}].

%% Entries of the fixed-size tables pointing out of range.
tables(Beam) ->
    R = fun(Id, F) -> replace_chunk(Beam, Id, F) end,
    [{fail, "expt-label-huge", R("ExpT", fun(D) -> set32(D, 12, 100000) end)},
     {fail, "expt-label-not-entry", R("ExpT", fun(D) -> set32(D, 12, 1) end)},
     {fail, "expt-atom-zero", R("ExpT", fun(D) -> set32(D, 4, 0) end)},
     {fail, "expt-count", R("ExpT", fun(D) -> <<C:32, T/binary>> = D, <<(C + 1):32, T/binary>> end)},
     {fail, "impt-atom-huge", R("ImpT", fun(D) -> set32(D, 4, 100000) end)},
     {fail, "impt-arity-huge", R("ImpT", fun(D) -> set32(D, 12, 1000) end)},
     {fail, "funt-label-zero", R("FunT", fun(D) -> set32(D, 12, 0) end)},
     {fail, "funt-free-above-arity", R("FunT", fun(D) -> set32(D, 20, 1000) end)},
     {fail, "loct-label-huge", R("LocT", fun(D) -> set32(D, 12, 100000) end)},
     {fail, "type-bad-bits", R("Type", fun(D) -> set_byte(D, 8, 16#ff) end)},
     {fail, "type-count", R("Type", fun(D) -> set32(D, 4, 1000) end)},
     {fail, "line-file-index", R("Line", fun(D) -> <<H:20/binary, _/binary>> = D,
                                                   <<H/binary, 16#f2, 16#ff>> end)},
     {fail, "strt-empty", R("StrT", fun(_) -> <<>> end)},
     {fail, "attr-bad-term", R("Attr", fun(D) -> set_byte(D, 0, 0) end)},
     {fail, "cinf-truncated", R("CInf", fun(D) -> binary:part(D, 0, byte_size(D) - 1) end)},
     {fail, "expt-newline-in-name", newline_in_export_name(Beam)}].

%% An error that quotes a name with a newline in it is still one line.
newline_in_export_name(Beam) ->
    <<_:32, AtomIndex:32, _/binary>> = chunk(Beam, "ExpT"),
    <<N:32, Names0/binary>> = chunk(Beam, "AtU8"),
    Names = atom_names(Names0),
    {Before, [Name | After]} = lists:split(AtomIndex - 1, Names),
    NewNames = Before ++ [<<"bad\nname", Name/binary>> | After],
    Atu8 = << <<(byte_size(A)), A/binary>> || A <- NewNames >>,
    B1 = replace_chunk(Beam, "AtU8", fun(_) -> <<N:32, Atu8/binary>> end),
    replace_chunk(B1, "ExpT", fun(D) -> set32(D, 12, 1) end).

atom_names(<<Len, Name:Len/binary, Rest/binary>>) -> [Name | atom_names(Rest)];
atom_names(<<>>) -> [].
