%% OTP's answers for atoms to text and back: Latin-1 and Unicode names,
%% names of 255 and 256 characters, bad characters, bad UTF-8, bad
%% encodings. The *_existing_* cases name atoms that exist on both sides
%% (they appear in these vectors) or that exist nowhere.
-module(bif_cases_erlang_atoms).
-export([main/1]).

main(Dir) ->
    L255 = lists:duplicate(255, $a), L256 = [$a | L255],
    U255 = lists:duplicate(255, 16#1F600),
    Atoms = [a, '', 'hello world', 'é', 'Ĭ', '\x{1F600}', list_to_atom(L255),
             list_to_atom(U255), 'ÿ', true],
    Lists = [[], "abc", "é", [300], [16#1F600], L255, L256, L255 ++ [-1], [-1 | L255],
             L256 ++ a, L255 ++ a, U255, [16#1F600 | U255], [16#D800], [16#DFFF], [16#10FFFF],
             [16#110000], [-1], [$a | b], "ab" ++ [1.0], [a], a, <<"a">>, 1, [[$a]]],
    Encs = [latin1, utf8, unicode, foo, "utf8"],
    Bins = [<<>>, <<"abc">>, <<255>>, <<"é"/utf8>>, <<"\x{1F600}"/utf8>>,
            <<16#ED, 16#A0, 16#80>>, <<16#C0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#E2>>,
            <<16#80>>, list_to_binary(L255), list_to_binary(L256),
            unicode:characters_to_binary(U255), unicode:characters_to_binary([$a | U255]),
            <<(list_to_binary(L256))/binary, 255>>, <<1:1>>, <<"abc", 1:3>>,
            <<255, (list_to_binary(L255))/binary>>, <<(list_to_binary(L255))/binary, 255>>,
            <<255, (list_to_binary(lists:duplicate(1100, $a)))/binary>>,
            <<(unicode:characters_to_binary(lists:duplicate(200, 16#e9)))/binary, 255>>,
            sub_binary(), "abc", abc],
    NoSuch = ["kbeam_no_such_atom_1", "kbeam_no_such_atom_é", "kbeam_no_such_\x{1F600}"],
    Existing = ["hello world", "é", "\x{1F600}", "true", "", "lists"],
    %% In this order: the atoms the first cases create exist when the
    %% *_existing_* cases run (and they appear in the vectors as results,
    %% so they exist in kbeam too).
    C1 = [run(erlang, atom_to_list, [A]) || A <- Atoms ++ ["a", 1, <<"a">>]],
    C2 = [run(erlang, atom_to_binary, [A, E]) || A <- Atoms ++ ["a", 1], E <- Encs],
    C3 = [run(erlang, list_to_atom, [L]) || L <- Lists],
    C4 = [run(erlang, binary_to_atom, [B, E]) || B <- Bins, E <- Encs],
    C5 = [run(erlang, list_to_existing_atom, [L]) || L <- NoSuch ++ Existing ++ [L256, a, [-1]]],
    C6 = [run(erlang, binary_to_existing_atom, [unicode:characters_to_binary(L), E])
          || L <- NoSuch ++ Existing, E <- Encs],
    C7 = [run(erlang, binary_to_existing_atom, [B, E]) || B <- Bins, E <- [foo, utf8, latin1],
                                                         byte_size(B) > 200],
    Cases = C1 ++ C2 ++ C3 ++ C4 ++ C5 ++ C6 ++ C7,
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_atoms.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

%% A binary that is a byte-aligned slice of a larger one.
sub_binary() ->
    <<_:8, Rest/binary>> = <<"xhello">>,
    Rest.
