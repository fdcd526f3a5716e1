%% Reference data for tests/loader/otp_stats.sh: for every .beam file of the
%% installed OTP, the instruction counts by generic opcode as OTP's own
%% beam_disasm sees them, and the module checksum of beam_lib:md5/1.
%%
%% Writes into Dir:
%%   beam_disasm_stats.tsv   File \t OpcodeName \t Count   (one line per opcode used)
%%   beam_md5.tsv            File \t Module (quoted as ~w writes it) \t MD5 (hex)
%%
%% beam_disasm returns instructions in a symbolic form; this maps each back
%% to the generic opcode (genop.tab) name it was decoded from:
%%   - {test, Op, ...}                        -> Op (is_eq_exact, bs_get_integer2,
%%                                               has_map_fields, ...)
%%   - {bif, Name, Fail, Args, Dst}           -> bif0 | bif1 | bif2 by length(Args)
%%   - {gc_bif, Name, Fail, Live, Args, Dst}  -> gc_bif1 | gc_bif2 | gc_bif3
%%   - {arithfbif, Op, Fail, Args, Dst}       -> Op (fadd, fsub, fmul, fdiv, fnegate)
%%   - {raise, {f,0}, Regs, {x,0}}            -> raise
%%   - an atom (return, send, ...)            -> itself
%%   - any other tuple                        -> its first element (move, label,
%%                                               func_info, make_fun3, ...)
%% beam_disasm drops exactly one instruction per file: the int_code_end that
%% ends the Code chunk (get_fun/2 consumes it when it splits the code into
%% functions), so each file counts one int_code_end on top. It drops and
%% merges nothing else: the labels and lines before each func_info are kept
%% in that function's code. The sums over all files agree with the counts in
%% tests/loader/otp25_opcodes.tsv, which the test checks as well.
-module(beam_disasm_stats).
-export([main/1]).

main(Dir) ->
    Files = lists:sort(filelib:wildcard("/usr/lib/erlang/lib/*/ebin/*.beam")),
    Results = pmap(fun file_data/1, Files),
    Stats = [[F, $\t, atom_to_list(Op), $\t, integer_to_list(N), $\n]
             || {F, Counts, _, _} <- Results, {Op, N} <- Counts],
    Md5s = [[F, $\t, io_lib:write_atom(Mod), $\t, Hex, $\n] || {F, _, Mod, Hex} <- Results],
    ok = file:write_file(filename:join(Dir, "beam_disasm_stats.tsv"), Stats),
    ok = file:write_file(filename:join(Dir, "beam_md5.tsv"), Md5s),
    io:format("~p files~n", [length(Files)]).

file_data(File) ->
    {beam_file, Mod, _Exports, _Attr, _CInf, Code} = beam_disasm:file(File),
    Is = [I || {function, _, _, _, Body} <- Code, I <- Body],
    Counts = lists:foldl(fun(I, M) -> maps:update_with(name(I), fun(V) -> V + 1 end, 1, M) end,
                         #{int_code_end => 1}, Is),
    {ok, {Mod, Md5}} = beam_lib:md5(File),
    Hex = [io_lib:format("~2.16.0b", [B]) || <<B>> <= Md5],
    {File, lists:sort(maps:to_list(Counts)), Mod, lists:flatten(Hex)}.

name(I) when is_atom(I) -> I;
name({test, Op, _, _}) -> Op;
name({test, Op, _, _, _}) -> Op;
name({bif, _, _, Args, _}) -> arity_name("bif", Args);
name({gc_bif, _, _, _, Args, _}) -> arity_name("gc_bif", Args);
name({arithfbif, Op, _, _, _}) -> Op;
name(I) when is_tuple(I) -> element(1, I).

arity_name(Prefix, Args) -> list_to_atom(Prefix ++ integer_to_list(length(Args))).

%% The files in as many processes as there are schedulers, in order.
pmap(F, L) ->
    N = erlang:system_info(schedulers_online),
    Parent = self(),
    Parts = split(L, N),
    Refs = [begin
                Ref = make_ref(),
                spawn_link(fun() -> Parent ! {Ref, [F(X) || X <- Part]} end),
                Ref
            end || Part <- Parts],
    lists:append([receive {Ref, R} -> R end || Ref <- Refs]).

split(L, N) ->
    Len = (length(L) + N - 1) div max(N, 1),
    chunks(L, max(Len, 1)).

chunks([], _) -> [];
chunks(L, Len) when length(L) =< Len -> [L];
chunks(L, Len) ->
    {A, B} = lists:split(Len, L),
    [A | chunks(B, Len)].
